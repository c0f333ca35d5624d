/** An object's JSON as UTF-8, with one more field, last, whose value is JSON already encoded (in pieces). */
export function withRawField(head: object, key: string, value: readonly Buffer[]): Buffer {
  const text = JSON.stringify(head);
  const open = `${text.slice(0, -1)}${text.length > 2 ? "," : ""}${JSON.stringify(key)}:`;
  return Buffer.concat([Buffer.from(open), ...value, Buffer.from("}")]);
}

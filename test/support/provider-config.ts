/** A `ConfigureRequest` as the dynamic-provider host builds it: stack config keys to JSON strings. */
export function configRequest(values: Record<string, unknown>): { config: { get(key: string): string | undefined } } {
  return { config: { get: (key) => (key in values ? JSON.stringify(values[key]) : undefined) } };
}

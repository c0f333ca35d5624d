/** Longest value echoed in a message; a longer cell is cut, so a mangled export cannot flood a terminal or a PR. */
const maxShown = 60;

// C0 and C1 control characters, DEL, and the Unicode bidirectional overrides that can make a terminal line
// read differently from what it contains.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd]/g;

/**
 * A cell or header as it may appear inside a message: control characters written as `\u{…}` escapes,
 * cut to 60 characters. Every value from the export that a message echoes goes through this, so no raw byte of
 * the file reaches a terminal, a log or a JSON report.
 */
export function shown(value: string, max = maxShown): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(unsafe, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

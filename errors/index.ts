/**
 * @module errors
 * The base of every idlc error family. Each folder keeps its own subclasses in `errors.ts`; each sets
 * `name`, a stable `code` (e.g. `HR_ROW_INVALID`), a one-sentence `fix`, and context (file, row, column,
 * or app and employee id). `cli/` turns any of them into one message and an exit code.
 */

/** Where a problem was found: an input location, or the app and person it concerns. */
export interface ErrorContext {
  file?: string;
  /** 1-based data row as a person counts it in a spreadsheet (the header is row 1). */
  row?: number;
  column?: string;
  app?: string;
  employeeId?: string;
  [key: string]: unknown;
}

export interface IdlcErrorOptions {
  fix?: string;
  cause?: unknown;
  context?: ErrorContext;
}

export class IdlcError extends Error {
  override name = "IdlcError";
  readonly code: string;
  readonly fix: string | undefined;
  readonly context: ErrorContext;

  constructor(code: string, message: string, options: IdlcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Pulumi's closure serializer rebuilds classes as functions calling `Error.call(this, …)`, which sets no
    // message: set it again so an error thrown by a rehydrated provider still says what went wrong.
    this.message = message;
    this.code = code;
    this.fix = options.fix;
    this.context = options.context ?? {};
  }
}

/** A problem found while checking input, collected as a value so that all of them are reported at once. */
export interface Issue {
  severity: "error" | "warning";
  code: string;
  message: string;
  fix?: string;
  file?: string;
  row?: number;
  column?: string;
}

/** `file:row:column: message (fix)` — the one-line form every command prints. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.row, issue.column].filter((part) => part !== undefined && part !== "").join(":");
  const text = issue.fix ? `${issue.message} — ${issue.fix}` : issue.message;
  return where ? `${where}: ${issue.severity}: ${text}` : `${issue.severity}: ${text}`;
}

/**
 * The usual shape of a folder's error family — a stable code from the folder's code table, a message, the fix and
 * context — so each folder declares its class in one line: `class StateError extends errorFamily<StateCode>("StateError") {}`.
 */
export function errorFamily<Code extends string>(name: string) {
  return class extends IdlcError {
    override name = name;
    constructor(code: Code, message: string, fix: string, context: ErrorContext = {}, cause?: unknown) {
      super(code, message, { fix, context, cause });
    }
  };
}

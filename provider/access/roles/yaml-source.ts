import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { Issue } from "../../errors";
import { AccessFileError, accessIssue, type AccessCode } from "../errors";

/** A parsed YAML file that can say on which line any path starts, so issues point at the right row. */
export interface YamlSource {
  file: string;
  data: unknown;
  lineOf(path: ReadonlyArray<string | number>): number;
}

/** Parses YAML text; a syntax error throws `AccessFileError` naming the line. */
export function readYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [first] = doc.errors;
  if (first) {
    const row = lineCounter.linePos(first.pos[0]).line;
    throw new AccessFileError(
      `${file} is not valid YAML: ${first.message.split("\n")[0]}`,
      "fix the YAML syntax at that line",
      { file, row },
      first,
    );
  }
  return {
    file,
    data: doc.toJS(),
    lineOf(path) {
      // The deepest node that exists: a wrong key still points at the item holding it.
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}

/** zod's problems as issues: one per problem, at the line of the offending key. */
export function zodIssues(
  error: z.ZodError,
  code: AccessCode,
  what: string,
  at: (path: ReadonlyArray<string | number>) => { file: string; row: number },
  prefix: ReadonlyArray<string | number> = [],
): Issue[] {
  return error.issues.map((problem) => {
    const path = problem.path.filter((p): p is string | number => typeof p !== "symbol");
    const column = path.join(".") || undefined;
    return accessIssue(
      "error",
      code,
      `${what}: ${column ? `${column}: ` : ""}${problem.message}`,
      "correct the value as the message says",
      {
        ...at([...prefix, ...path]),
        column,
      },
    );
  });
}

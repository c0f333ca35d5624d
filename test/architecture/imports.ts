/**
 * The import graph and the `process.env` uses of the project's TypeScript sources, read with TypeScript's own parser:
 * static imports and re-exports, `require()`, `import()` (also in `typeof import(...)` types) and the `lazy("...")`
 * loader of cli/lazy.ts, each resolved to a path relative to the project root.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const root = path.resolve(__dirname, "../..");

export interface SourceFacts {
  /** Project-relative path, `/`-separated. */
  file: string;
  /** What it imports: a project-relative path without extension for a relative import, else the bare specifier. */
  imports: { target: string; line: number }[];
  /** `process.env` reads and writes, by line. */
  envReads: number[];
  envWrites: number[];
}

const skipDirs = new Set(["node_modules", ".git", "fixtures", ".idlc", ".pulumi"]);

export function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return skipDirs.has(e.name) ? [] : sourceFiles(path.join(dir, e.name));
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path.join(dir, e.name)] : [];
  });
}

const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");

function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return rel(path.resolve(path.dirname(from), specifier)).replace(/\.(ts|js)$/, "");
}

const isProcessEnv = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) &&
  node.name.text === "env" &&
  ts.isIdentifier(node.expression) &&
  node.expression.text === "process";

const assignments = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
]);

/** True when `node` (`process.env`, or `process.env.X` / `process.env[X]`) is changed where it stands. */
function isWrite(env: ts.Node): boolean {
  const target =
    ts.isPropertyAccessExpression(env.parent) || ts.isElementAccessExpression(env.parent) ? env.parent : env;
  const parent = target.parent;
  if (ts.isBinaryExpression(parent) && parent.left === target && assignments.has(parent.operatorToken.kind))
    return true;
  if (ts.isDeleteExpression(parent)) return true;
  // Object.assign(process.env, …) and Object.defineProperty(process.env, …) change it too.
  if (ts.isCallExpression(parent) && parent.arguments[0] === env && ts.isPropertyAccessExpression(parent.expression)) {
    const callee = parent.expression;
    return ts.isIdentifier(callee.expression) && callee.expression.text === "Object" && callee.name.text !== "keys";
  }
  return false;
}

/** @param text the file's text, read from `file` unless given (the checks' own tests pass made-up sources). */
export function factsOf(file: string, text = readFileSync(file, "utf8")): SourceFacts {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const facts: SourceFacts = { file: rel(file), imports: [], envReads: [], envWrites: [] };
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (specifier: ts.Expression | undefined, node: ts.Node, fromRoot = false) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const target = fromRoot ? specifier.text : resolveSpecifier(file, specifier.text);
    facts.imports.push({ target, line: line(node) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, node);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node);
      else if (ts.isIdentifier(callee) && callee.text === "require") add(node.arguments[0], node);
      else if (ts.isIdentifier(callee) && callee.text === "lazy") add(node.arguments[0], node, true);
    } else if (isProcessEnv(node)) {
      (isWrite(node) ? facts.envWrites : facts.envReads).push(line(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return facts;
}

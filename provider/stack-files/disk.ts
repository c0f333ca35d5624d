import { existsSync, readFileSync } from "node:fs";
import type { StackFiles } from "../access";
import { HrSourceError } from "../hr";
import { readFromFileOrGitRef } from "./git-source";

/** The stack's files as they are on disk now. */
export const diskFiles: StackFiles = {
  read: (file) => readFileSync(file, "utf8"),
  exists: (file) => existsSync(file),
};

/**
 * The stack's files as of git `ref` (`cwd` inside the repository), so a diff against a ref plans the old roles too.
 * A file added since has no "before": it is read as it is now, and `onMissing` hears of it.
 */
export function filesAtRef(ref: string, cwd: string, onMissing: (file: string) => void = () => {}): StackFiles {
  const atRef = (file: string) => {
    try {
      return readFromFileOrGitRef(`${ref}:${file}`, cwd).bytes.toString("utf8");
    } catch {
      return undefined;
    }
  };
  return {
    read: (file) => {
      const text = atRef(file);
      if (text !== undefined) return text;
      onMissing(file);
      return diskFiles.read(file);
    },
    exists: (file) => diskFiles.exists(file) || atRef(file) !== undefined,
  };
}

/**
 * The bytes of an HR export, for `readHrExport` (which judges their encoding).
 * @param shown the name used in the message (a path relative to the project), the file itself by default.
 * @throws HrSourceError naming the file when it cannot be read.
 */
export function readHrFile(file: string, shown = file): Buffer {
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new HrSourceError(
      `cannot read HR export ${shown}: ${(cause as Error).message}`,
      "Check identity:hr file (relative to the stack config directory).",
      { file: shown },
      cause,
    );
  }
}

// A folder only this user can write, for caches that hold code (compiled modules, V8 code cache): anything another
// account could write there would run as this one.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** `root/name`, made with mode 0700 when missing; undefined when either is not a folder this user alone can write. */
function privateFolder(root, name) {
  const folder = path.join(root, name);
  try {
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const dir of [root, folder]) {
      const stat = fs.lstatSync(dir);
      const uid = process.getuid ? process.getuid() : stat.uid;
      if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o022) !== 0) return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename: processes starting at the same time write the same entries. */
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

module.exports = { privateFolder, writeAtomic };

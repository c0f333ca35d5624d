#!/usr/bin/env node
// The CLI is TypeScript, run through idlc's TypeScript hook (esbuild, cached), so `npm install` is all a newcomer
// needs before `npx idlc`.
require("../engine/host/compile-cache.js");
require("../engine/host/lazy-modules.js");
require("../engine/host/typescript-hook.js");
require("../cli/main.ts");

#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm install` is all a newcomer needs before `npx idlc`.
require("tsx/cjs");
require("../cli/main.ts");

// The idlc Pulumi program: HR export + roles → one account resource per person per app (provider/stack).
import { identityProgram } from "../provider/stack";

export = identityProgram({ dir: __dirname });

/**
 * What the command files imported at their top before commands loaded their code lazily; preloading it into an
 * `idlc` run reproduces the old startup for comparison.
 */
import "../../engine";
import "../../engine/output";
import "../../engine/project";
import "../../engine/secrets";
import "../../engine/state";
import "../../provider/access";
import "../../provider/audit";
import "../../provider/config";
import "../../provider/gitops";
import "../../provider/hr";
import "../../provider/stack";
import "../../cli/identity/hooks";
import "../../cli/stack-options";

/**
 * Services shared by every test file, started once per vitest run.
 * Each service adds itself here and hands its address to tests through `provide`/`inject`.
 */
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };

export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

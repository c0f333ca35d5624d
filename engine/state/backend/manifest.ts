import { createHash } from "node:crypto";
import type { Manifest } from "../checkpoint/apitype";

const { version: sdkVersion } = require("@pulumi/pulumi/package.json") as { version: string };

/** The engine version written into every manifest: the SDK release this engine speaks, tagged as idlc's. */
export const ENGINE_VERSION = `${sdkVersion}-idlc`;

/** `magic` = hex(sha256(version)), as pkg/resource/deploy/manifest.go NewMagic computes it. */
export function manifestMagic(version: string): string {
  return createHash("sha256").update(version).digest("hex");
}

export function newManifest(now: Date = new Date()): Manifest {
  return { time: now.toISOString(), magic: manifestMagic(ENGINE_VERSION), version: ENGINE_VERSION };
}

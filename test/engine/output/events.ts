import type { EngineEvent, StepEventMetadata, StepOp } from "../../../engine/events";

export const STACK = "urn:pulumi:dev::identity::pulumi:pulumi:Stack::identity-dev";
export const SLACK_TYPE = "pulumi-nodejs:dynamic/idlc:SlackAccount";
export const slackUrn = (id: string) => `urn:pulumi:dev::identity::${SLACK_TYPE}::slack/${id}`;

export function meta(
  op: StepOp,
  urn: string,
  type: string,
  olds?: Record<string, unknown>,
  news?: Record<string, unknown>,
  extra: Partial<StepEventMetadata> = {},
): StepEventMetadata {
  const state = (inputs: Record<string, unknown>) => ({
    type,
    urn,
    id: "",
    parent: urn === STACK ? "" : STACK,
    inputs,
    outputs: {},
  });
  return {
    op,
    urn,
    type,
    provider: "",
    ...(olds ? { old: state(olds) } : {}),
    ...(news ? { new: state(news) } : {}),
    ...extra,
  };
}

let sequence = 0;
export const ev = (payload: Omit<EngineEvent, "sequence" | "timestamp">): EngineEvent => ({
  sequence: sequence++,
  timestamp: 1_795_600_000,
  ...payload,
});

export function captureStream(columns?: number) {
  let text = "";
  return {
    stream: { write: (chunk: string) => ((text += chunk), true), columns } as unknown as NodeJS.WritableStream & {
      columns?: number;
    },
    text: () => text,
  };
}

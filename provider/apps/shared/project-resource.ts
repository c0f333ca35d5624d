/**
 * The base of every idlc app resource: registered exactly as the SDK's `dynamic.Resource` registers one — type token
 * `pulumi-nodejs:dynamic/idlc:<Type>` (DESIGN.md §4.1), served by Pulumi's dynamic-provider host, with the
 * provider's text as the `__provider` input — but with that text given (project-provider.ts) instead of produced
 * by the SDK's closure serializer in every run.
 */
import * as pulumi from "@pulumi/pulumi";

export class ProjectResource extends pulumi.CustomResource {
  /**
   * @param provider the `__provider` text (`projectProvider(...)`)
   * @param type the type's name below `pulumi-nodejs:dynamic/idlc:` (`SlackAccount`)
   */
  constructor(provider: string, type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(`pulumi-nodejs:dynamic/idlc:${type}`, name, { ...props, __provider: provider }, opts);
  }
}

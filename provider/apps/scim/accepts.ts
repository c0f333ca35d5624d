/**
 * What a generic SCIM 2.0 app accepts (RFC 7643 §4.1): `userName` is required and otherwise unconstrained; any
 * further limit is the app's own, answered at apply time with a SCIM error naming the attribute.
 */
import type { AppAccepts } from "../shared/accepts";

export const scimAccepts: AppAccepts = {
  label: "SCIM",
  rules: [{ field: "userName", appField: "userName", rule: "SCIM requires a userName (RFC 7643)", required: true }],
};

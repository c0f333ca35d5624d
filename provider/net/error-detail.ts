/**
 * The API's own error text and code from an error body, for the shapes our apps use:
 * SCIM (`detail`, `scimType`), Google and Graph (`error.message`, `error.code`/`error.errors[0].reason`),
 * Slack Web/SCIM v1 (`error`, `Errors.description`). Falls back to the start of a text body.
 */
export function errorDetailOf(body: unknown): { detail?: string; apiCode?: string } {
  if (typeof body === "string") return body.trim() ? { detail: body.trim().slice(0, 300) } : {};
  if (!body || typeof body !== "object") return {};
  const b = body as Record<string, any>;
  if (typeof b.detail === "string") return { detail: b.detail, apiCode: str(b.scimType) };
  if (b.error && typeof b.error === "object") {
    return { detail: str(b.error.message), apiCode: str(b.error.errors?.[0]?.reason) ?? str(b.error.code) };
  }
  if (typeof b.error === "string") return { detail: str(b.error_description) ?? b.error, apiCode: b.error };
  if (b.Errors && typeof b.Errors === "object")
    return { detail: str(b.Errors.description), apiCode: str(b.Errors.code) };
  if (typeof b.message === "string") return { detail: b.message };
  return {};
}

function str(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

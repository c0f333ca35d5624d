import { createHttpClient, type RequestCounter } from "../../net";
import type { CachedToken } from "../shared";

/** The client-credentials grant of an app registration, for an app-only Graph token (`…/.default`). */
export function clientCredentialsToken(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  counter?: RequestCounter;
}): () => Promise<CachedToken> {
  const http = createHttpClient({ app: "entra-oauth", baseUrl: options.tokenUrl, counter: options.counter });
  return async () => {
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: options.clientId,
      client_secret: options.clientSecret,
      scope: "https://graph.microsoft.com/.default",
    });
    const { body } = await http.request<{ access_token: string; expires_in: number }>({
      method: "POST",
      path: "",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    return { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  };
}

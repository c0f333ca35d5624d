import { generateKeyPairSync, randomBytes } from "node:crypto";

/** The JSON key file Google hands out for a service account (the fields clients read). */
export interface ServiceAccountKey {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
}

/** A fresh RSA-2048 service account key; the emulator keeps the public half to verify assertions. */
export function createServiceAccountKey(
  tokenUri: string,
  projectId = "idlc-sandbox",
): {
  key: ServiceAccountKey;
  publicKeyPem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key: ServiceAccountKey = {
    type: "service_account",
    project_id: projectId,
    private_key_id: randomBytes(20).toString("hex"),
    private_key: privateKey,
    client_email: `idlc-provisioner@${projectId}.iam.gserviceaccount.com`,
    client_id: String(100000000000000000000n + BigInt(`0x${randomBytes(8).toString("hex")}`)),
    token_uri: tokenUri,
  };
  return { key, publicKeyPem: publicKey };
}

import { encodeBase64url } from './base64url.js';

const ascii = new TextEncoder();

/** base64url(SHA-256(the UTF-8 bytes of `text`)) with WebCrypto, in Node and in browsers alike. */
export async function sha256Base64url(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', ascii.encode(text));
  return encodeBase64url(new Uint8Array(digest));
}

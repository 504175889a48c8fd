/** The most of a refusal's body read for its code: a hub's answer is a short JSON object. */
const MAX_BODY_BYTES = 4096;

/** A reason code as the hub writes them (`PING_REPLAYED`, `RATE_LIMITED`, …). */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * Why the hub refused a ping: the `code` of its JSON answer (an error code of protocol §12, as
 * `{"status":"ignored","code":…}`), else `HTTP_<status>`. Reads at most 4 KiB of the body, and
 * takes only a code shaped like one, so a hub cannot flood the log or the metrics' labels.
 */
export async function readRefusalCode(response: Response): Promise<string> {
  const fallback = `HTTP_${response.status}`;
  const reader = response.body?.getReader();
  if (!reader) return fallback;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    return fallback;
  } finally {
    void reader.cancel().catch(() => {});
  }
  if (size > MAX_BODY_BYTES) return fallback;
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const code =
      typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : null;
    return typeof code === 'string' && CODE.test(code) ? code : fallback;
  } catch {
    return fallback;
  }
}

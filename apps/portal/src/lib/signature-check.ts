import {
  isProtocolError,
  verifyDescriptor,
  verifyRecord,
} from '@promise-global/sdk/verify/browser';

/** What the reader's browser needs to check one record itself (the page's data carries it). */
export interface SignatureCheckSource {
  /** The hub's public JSON of the record: `GET {hub}/records/{partner}/{type}/{id}`. */
  recordUrl: string;
  /** The node that signed it; its descriptor lists its keys, current and retired. */
  nodeUrl: string;
  partnerId: string;
  /** The JWS the page was rendered from, to tell the reader if a newer version was published since. */
  shownJws: string;
}

export type SignatureVerdict =
  | {
      verified: true;
      kid: string;
      /** The key is the node's current key, or one it retired after a rotation. */
      keyStatus: 'active' | 'retired';
      /** Unix seconds the node signed this version. */
      signedAt: number;
      revision: number;
      /** False when the hub now serves a newer version than the page shows. */
      sameAsShown: boolean;
    }
  | {
      verified: false;
      /** Which step failed, in the reader's words. */
      step: 'record' | 'keys' | 'signature';
      /** A ProtocolError code (e.g. SIGNATURE_INVALID), or NETWORK / HTTP_<status>. */
      code: string;
      detail: string;
    };

class StepFailure extends Error {
  constructor(
    readonly step: 'record' | 'keys',
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function fetchOk(url: string, step: 'record' | 'keys', signal?: AbortSignal) {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new StepFailure(step, 'NETWORK', `could not reach ${url} (${String(error)})`);
  }
  if (!response.ok) {
    throw new StepFailure(step, `HTTP_${response.status}`, `${url} answered ${response.status}`);
  }
  return response;
}

async function fetchRecordJws(source: SignatureCheckSource, signal?: AbortSignal) {
  const body: unknown = await (await fetchOk(source.recordUrl, 'record', signal)).json();
  const jws = (body as { jws?: unknown } | null)?.jws;
  if (typeof jws !== 'string') {
    throw new StepFailure('record', 'NO_JWS', `${source.recordUrl} carries no signed record`);
  }
  return jws;
}

/**
 * Checks a record in the reader's browser, trusting neither the portal nor the hub: fetches the
 * signed record, fetches the node's self-signed descriptor (its keys, including keys retired by
 * a rotation, and revocations), and verifies the record's signature, issuer, namespace and data
 * with the SDK (docs/protocol.md §4, §9).
 */
export async function checkSignature(
  source: SignatureCheckSource,
  signal?: AbortSignal,
): Promise<SignatureVerdict> {
  let jws: string;
  let keys: Awaited<ReturnType<typeof verifyDescriptor>>['keys'];
  try {
    jws = await fetchRecordJws(source, signal);
    const descriptorUrl = `${source.nodeUrl}/.well-known/promise-node`;
    const descriptor = await (await fetchOk(descriptorUrl, 'keys', signal)).text();
    try {
      ({ keys } = await verifyDescriptor(descriptor.trim(), { url: source.nodeUrl }));
    } catch (error) {
      if (!isProtocolError(error)) throw error;
      throw new StepFailure('keys', error.code, error.message);
    }
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    return { verified: false, step: error.step, code: error.code, detail: error.message };
  }
  try {
    const record = await verifyRecord(jws, {
      keys,
      iss: source.nodeUrl,
      partnerId: source.partnerId,
    });
    const key = keys.keys.find((candidate) => candidate.kid === record.kid);
    return {
      verified: true,
      kid: record.kid,
      keyStatus: key?.status ?? 'active',
      signedAt: record.payload.iat,
      revision: record.payload.rev,
      sameAsShown: jws === source.shownJws,
    };
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    return { verified: false, step: 'signature', code: error.code, detail: error.message };
  }
}

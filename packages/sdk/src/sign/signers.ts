import { randomBytes } from 'node:crypto';
import {
  FeedHead,
  type FeedHeadInput,
  JWS_TYP,
  MembershipStatement,
  type MembershipStatementInput,
  NodeDescriptor,
  type NodeDescriptorInput,
  Ping,
  type PingInput,
  PROTOCOL_ID,
  ProblemReportDelivery,
  type ProblemReportDeliveryInput,
  RecordPayload,
  type RecordPayloadInput,
} from '@promise-global/schema';
import { parseClaimsWith } from '../internal/claims.js';
import type { SigningKey } from '../keys/signing-key.js';
import { LIMITS, numericDate } from '../limits.js';
import { signCompact } from './compact.js';

/** Options of every signer: `now` fixes the clock (tests, vectors). */
export interface SignOptions {
  now?: Date;
}

/**
 * Signs one published version of a record (§4.2) at write time. Fills `iat`. The caller supplies
 * `seq` (previous + 1) and `prev` (`recordHash` of the previous record JWS, or `GENESIS_HASH`).
 *
 * @example
 * const jws = await signRecord(key, { iss, type: 'service', id, rev: 1, seq: 1, prev: GENESIS_HASH,
 *   updatedAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, data: service });
 */
export async function signRecord(
  key: SigningKey,
  payload: RecordPayloadInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = payload.iat ?? numericDate(options.now);
  const claims = parseClaimsWith(
    RecordPayload,
    { ...payload, iat },
    'refusing to sign an invalid record',
  );
  return signCompact(key, JWS_TYP.record, claims);
}

/**
 * Signs a feed head (§7.2): the node's latest `seq` and `hash`. Fills `iat` and a short `exp`.
 *
 * @example
 * const head = await signHead(key, { iss, seq: 42, hash: recordHash(latestJws) });
 */
export async function signHead(
  key: SigningKey,
  head: FeedHeadInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = head.iat ?? numericDate(options.now);
  const exp = head.exp ?? iat + LIMITS.defaultLifetimeSeconds.head;
  return signCompact(
    key,
    JWS_TYP.head,
    parseClaimsWith(FeedHead, { ...head, iat, exp }, 'refusing to sign an invalid head'),
  );
}

/**
 * Signs a node's self-describing descriptor (§2.2), served at `/.well-known/promise-node`.
 * Sign it with a current key; to rotate, list the new key in `jwks` (§9).
 *
 * @example
 * const jws = await signDescriptor(key, { iss: url, sub: url, name, partner, jwks: publicJwks([key]),
 *   schemaVersion: SCHEMA_VERSION, feedUrl: `${url}/feed` });
 */
export async function signDescriptor(
  key: SigningKey,
  descriptor: NodeDescriptorInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = descriptor.iat ?? numericDate(options.now);
  const exp = descriptor.exp ?? iat + LIMITS.defaultLifetimeSeconds.descriptor;
  const claims = parseClaimsWith(
    NodeDescriptor,
    { ...descriptor, iat, exp, protocol: PROTOCOL_ID },
    'refusing to sign an invalid descriptor',
  );
  return signCompact(key, JWS_TYP.descriptor, claims);
}

/**
 * Signs a hub's membership statement for an enrolled node (§3.2).
 *
 * @example
 * const jws = await signMembership(hubKey, { iss: hubUrl, sub: nodeUrl, partnerId: 'cpft', jwks });
 */
export async function signMembership(
  hubKey: SigningKey,
  statement: MembershipStatementInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = statement.iat ?? numericDate(options.now);
  const exp = statement.exp ?? iat + LIMITS.defaultLifetimeSeconds.membership;
  const claims = parseClaimsWith(
    MembershipStatement,
    { ...statement, iat, exp },
    'refusing to sign an invalid membership statement',
  );
  return signCompact(hubKey, JWS_TYP.membership, claims);
}

/**
 * Signs a short-lived ping telling a hub the node's feed changed (§8). Fills `iat`, `exp`, `jti`.
 *
 * @example
 * await fetch(`${hubUrl}/ping`, { method: 'POST', body: await signPing(key, { iss, aud: hubUrl, seq }) });
 */
export async function signPing(
  key: SigningKey,
  ping: PingInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = ping.iat ?? numericDate(options.now);
  const exp = ping.exp ?? iat + LIMITS.defaultLifetimeSeconds.ping;
  const jti = ping.jti ?? randomBytes(16).toString('base64url');
  return signCompact(
    key,
    JWS_TYP.ping,
    parseClaimsWith(Ping, { ...ping, iat, exp, jti }, 'refusing to sign an invalid ping'),
  );
}

/**
 * Signs a hub's delivery of a reader's problem report to the node that owns the listing (§8.4).
 * Fills `iat` and a short `exp`. Never part of a feed.
 *
 * @example
 * await fetch(`${nodeUrl}/hub/problem-reports`, { method: 'POST',
 *   body: await signProblemReport(hubKey, { iss: hubUrl, aud: nodeUrl, report }) });
 */
export async function signProblemReport(
  hubKey: SigningKey,
  delivery: ProblemReportDeliveryInput,
  options: SignOptions = {},
): Promise<string> {
  const iat = delivery.iat ?? numericDate(options.now);
  const exp = delivery.exp ?? iat + LIMITS.defaultLifetimeSeconds.problemReport;
  return signCompact(
    hubKey,
    JWS_TYP.problemReport,
    parseClaimsWith(
      ProblemReportDelivery,
      { ...delivery, iat, exp },
      'refusing to sign an invalid problem report',
    ),
  );
}

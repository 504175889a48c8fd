import { HubClient } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';

/** What the hub last reported about this node, from its public `nodes.status`. */
export interface HubView {
  url: string;
  /** `null` when the hub could not be asked or does not list this node; `error` says why. */
  node: {
    state: string;
    health: string;
    cursorSeq: number;
    headSeq: number;
    lastSuccessAt: string | null;
    lastError: { code: string; message: string; at: string } | null;
  } | null;
  error: string | null;
  checkedAt: string;
}

/** `GET /api/status`: the node's signed head and, when a hub is configured, the hub's view. */
export interface FederationStatus {
  partnerId: string;
  nodeUrl: string;
  kid: string;
  /** The signing key's fingerprint (docs/protocol.md §3.1): what a hub operator asks for at enrolment. */
  fingerprint: string;
  head: { seq: number; hash: string; signedAt: string | null };
  hub: HubView | null;
}

const HUB_TIMEOUT_MS = 3_000;
const HUB_CACHE_MS = 5_000;

async function askHub(ctx: NodeContext, hubUrl: string): Promise<HubView> {
  const checkedAt = new Date().toISOString();
  // Staff wait for this page: one short attempt, no retries.
  const hub = new HubClient({ baseUrl: hubUrl, timeoutMs: HUB_TIMEOUT_MS, retries: 0 });
  try {
    const url = ctx.signer.iss();
    const found = (await hub.nodeStatus()).find((node) => node.nodeUrl === url);
    if (!found) {
      return { url: hubUrl, node: null, error: 'The hub does not list this node yet', checkedAt };
    }
    const { state, health, cursorSeq, headSeq, lastSuccessAt, lastError } = found;
    return {
      url: hubUrl,
      node: { state, health, cursorSeq, headSeq, lastSuccessAt, lastError },
      error: null,
      checkedAt,
    };
  } catch (error) {
    ctx.log.warn({ err: error }, 'hub status not available');
    return { url: hubUrl, node: null, error: 'Hub status not available', checkedAt };
  }
}

/**
 * `GET /api/status`: the node's federation state for its staff: the signed feed head it serves
 * now and, when a hub is configured, what the hub last harvested.
 */
export function statusRoutes(ctx: NodeContext) {
  let cached: { at: number; seq: number; view: Promise<HubView> } | undefined;

  // The hub is asked again when the feed has grown or the answer is a few seconds old.
  function hubView(hubUrl: string, seq: number): Promise<HubView> {
    if (!cached || cached.seq !== seq || Date.now() - cached.at > HUB_CACHE_MS) {
      cached = { at: Date.now(), seq, view: askHub(ctx, hubUrl) };
    }
    return cached.view;
  }

  return new Hono<NodeEnv>().get('/', async (c) => {
    const head = await ctx.feed.currentHead();
    const { iat } = decodeJwt(head.jws);
    const hubUrl = ctx.config.hubUrl;
    return c.json<FederationStatus>({
      partnerId: ctx.config.partnerId,
      nodeUrl: ctx.signer.iss(),
      kid: ctx.key.kid,
      fingerprint: keyFingerprint(ctx.key.kid),
      head: {
        seq: head.seq,
        hash: head.hash,
        signedAt: iat === undefined ? null : new Date(iat * 1000).toISOString(),
      },
      hub: hubUrl ? await hubView(hubUrl, head.seq) : null,
    });
  });
}

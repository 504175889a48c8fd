import { type FeedHead, FeedPage } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { checkChainLink } from './extend-chain.js';
import type { FeedState } from './feed-state.js';
import { type RecordIdentity, RevisionCheck, type RevisionLookup } from './revisions.js';
import { verifyHead } from './verify-head.js';
import { type VerifiedRecord, verifyRecord } from './verify-record.js';

/** Options of {@link verifyFeedPage}. */
export interface VerifyFeedPageOptions {
  now?: Date;
  networkKids?: ReadonlyMap<string, string>;
  quarantineUnknownMajor?: boolean;
  /**
   * The latest version of each record published before the page (§6), to check `rev` and
   * tombstones against. Without it, a page from `seq` 0 is checked completely (nothing came
   * before); a later page checks only records whose identity appears earlier in the page.
   */
  revisions?: RevisionLookup;
  /**
   * The `limit=` the page was fetched with: a page with more records is refused with
   * `PAGE_TOO_LARGE` (§7.1), as is one over 1000 whatever was asked.
   */
  limit?: number;
}

/** The outcome of a page that verified completely. */
export interface VerifiedFeedPage {
  /** The state after the page's last record (and its head). */
  state: FeedState;
  /** The page's records in seq order. */
  records: VerifiedRecord[];
  /** The verified head: when `head.seq > state.seq` there is more to fetch. */
  head: FeedHead;
}

function checkPageShape(page: unknown, limit: number = LIMITS.maxPageRecords): FeedPage {
  const parsed = FeedPage.safeParse(page);
  if (!parsed.success)
    throw new ProtocolError('PAGE_INVALID', 'a feed page is { records: string[], head: string }');
  const { records } = parsed.data;
  const most = Math.min(limit, LIMITS.maxPageRecords);
  if (records.length > most)
    throw new ProtocolError('PAGE_TOO_LARGE', `${records.length} records, over ${most}`);
  const bytes = records.reduce((sum, record) => sum + record.length, 0);
  if (bytes > LIMITS.maxPageBytes)
    throw new ProtocolError('PAGE_TOO_LARGE', `${bytes} characters of records`);
  return parsed.data;
}

function checkHeadPosition(state: FeedState, head: FeedHead): void {
  if (head.iat < state.headIat)
    throw new ProtocolError('HEAD_REPLAYED', 'head is older than one already accepted');
  // `details.evidence` (§7.5): a replayed genuine head cannot cause it, only the node's key can.
  if (head.seq < state.seq) {
    throw new ProtocolError('ROLLBACK', `head seq ${head.seq} is behind ${state.seq}`, {
      evidence: head.iat > state.headIat,
    });
  }
  if (head.seq === state.seq && head.hash !== state.hash) {
    throw new ProtocolError(
      'CHAIN_FORK',
      `head hash at seq ${head.seq} differs from the verified one`,
      { evidence: true },
    );
  }
}

async function revisionCheck(
  state: FeedState,
  outcomes: readonly PromiseSettledResult<VerifiedRecord>[],
  lookup: RevisionLookup | undefined,
): Promise<RevisionCheck> {
  if (lookup === undefined) return new RevisionCheck([], state.seq === 0);
  const identities = new Map<string, RecordIdentity>();
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') break;
    const { type, id } = outcome.value.payload;
    identities.set(`${type}\u0000${id}`, { type, id });
  }
  return new RevisionCheck(await lookup.revisionsOf([...identities.values()]), true);
}

/**
 * The chain verifier (§7.3): checks a `FeedPage` from `GET /feed?after=state.seq` against what is
 * known of the node and returns the new state with the verified records, or throws
 * {@link ProtocolError} (e.g. `CHAIN_GAP`, `CHAIN_FORK`, `ROLLBACK`, `HEAD_REPLAYED`, and for
 * versions `REV_INVALID`, `TOMBSTONE_UNKNOWN`, `RECORD_AFTER_TOMBSTONE` — see `revisions`). The given
 * state is never modified, so after a failure the caller still holds the last good state.
 *
 * @example
 * const page = await (await fetch(`${nodeUrl}/feed?after=${state.seq}&limit=500`)).json();
 * const { state: next, records } = await verifyFeedPage(state, page);
 * await db.transaction(async (tx) => { await saveRecords(tx, records); await saveState(tx, next); });
 */
export async function verifyFeedPage(
  state: FeedState,
  page: unknown,
  options: VerifyFeedPageOptions = {},
): Promise<VerifiedFeedPage> {
  const { records: jwsList, head: headJws } = checkPageShape(page, options.limit);
  const head = await verifyHead(headJws, { keys: state.keys, iss: state.iss, now: options.now });
  checkHeadPosition(state, head);
  const recordOptions = {
    keys: state.keys,
    iss: state.iss,
    ...(state.partnerId === undefined ? {} : { partnerId: state.partnerId }),
    ...options,
  };
  const outcomes = await Promise.allSettled(jwsList.map((jws) => verifyRecord(jws, recordOptions)));
  const revisions = await revisionCheck(state, outcomes, options.revisions);
  const records: VerifiedRecord[] = [];
  let { seq, hash } = state;
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') throw outcome.reason;
    checkChainLink(seq, hash, outcome.value);
    revisions.next(outcome.value.payload);
    records.push(outcome.value);
    seq = outcome.value.payload.seq;
    hash = outcome.value.hash;
  }
  if (seq > head.seq || (seq === head.seq && hash !== head.hash)) {
    throw new ProtocolError(
      'HEAD_MISMATCH',
      `head (seq ${head.seq}) does not cover the page's last record`,
    );
  }
  return { state: { ...state, seq, hash, headIat: head.iat }, records, head };
}

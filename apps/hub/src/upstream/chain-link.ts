import { ProtocolError } from '@promise-global/sdk';
import type { FeedState, VerifiedRecord } from '@promise-global/sdk/verify';

/**
 * The per-node chain rules of §7.3 step 3 for a record relayed by an upstream hub: the aggregate
 * feed carries each node's log in seq order but no node head, so each record must extend the
 * node's verified position. Returns the advanced state.
 */
export function extendChain(state: FeedState, record: VerifiedRecord): FeedState {
  const { seq, hash } = state;
  const next = record.payload.seq;
  if (next === seq && record.hash === hash)
    throw new ProtocolError('DUPLICATE_RECORD', `${state.iss} seq ${seq} was already verified`);
  if (next === seq) throw new ProtocolError('CHAIN_FORK', `another record at ${state.iss} ${seq}`);
  if (next < seq) throw new ProtocolError('ROLLBACK', `${state.iss} seq ${next} after ${seq}`);
  if (next > seq + 1) throw new ProtocolError('CHAIN_GAP', `${state.iss} seq ${next} after ${seq}`);
  if (record.payload.prev !== hash)
    throw new ProtocolError('CHAIN_BROKEN', `prev of ${state.iss} seq ${next} is not seq ${seq}`);
  return { ...state, seq: next, hash: record.hash };
}

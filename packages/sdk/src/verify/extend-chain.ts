import { ProtocolError } from '../errors.js';
import type { FeedState } from './feed-state.js';
import type { VerifiedRecord } from './verify-record.js';

/**
 * §7.3 step 3: `record` must be the one after (`seq`, `hash`), the last verified position. A
 * failure that no replay of the node's genuine messages can cause carries `details.evidence`
 * (§7.5): the node's key signed two histories.
 */
export function checkChainLink(seq: number, hash: string, record: VerifiedRecord): void {
  const { payload } = record;
  if (payload.seq === seq && record.hash === hash) {
    throw new ProtocolError('DUPLICATE_RECORD', `seq ${seq} was already verified`, {
      seq: payload.seq,
    });
  }
  if (payload.seq === seq)
    throw new ProtocolError('CHAIN_FORK', `another record at seq ${seq}`, { seq, evidence: true });
  if (payload.seq < seq)
    throw new ProtocolError('ROLLBACK', `seq ${payload.seq} after ${seq}`, { seq: payload.seq });
  if (payload.seq > seq + 1)
    throw new ProtocolError('CHAIN_GAP', `seq ${payload.seq} after ${seq}`, { seq: payload.seq });
  if (payload.prev !== hash) {
    throw new ProtocolError(
      'CHAIN_BROKEN',
      `prev of seq ${payload.seq} is not the hash of seq ${seq}`,
      { seq: payload.seq, evidence: true },
    );
  }
}

/**
 * Advances a node's verified chain position by one record that reached you on its own (e.g. through
 * a hub's aggregate feed, which carries each node's records in order but no node heads). The record
 * must already be verified (`verifyRecord`) against the node's keys; this applies the chain rules
 * of §7.3 step 3 and returns the new state, or throws `DUPLICATE_RECORD`, `CHAIN_FORK`, `ROLLBACK`,
 * `CHAIN_GAP` or `CHAIN_BROKEN`.
 *
 * @example
 * state = extendChain(state, await verifyRecord(jws, { keys: state.keys, iss: state.iss }));
 */
export function extendChain(state: FeedState, record: VerifiedRecord): FeedState {
  checkChainLink(state.seq, state.hash, record);
  return { ...state, seq: record.payload.seq, hash: record.hash };
}

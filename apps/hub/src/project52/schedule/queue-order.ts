import type { QueuedPiece } from './decision-log.js';

function signedInstant(piece: QueuedPiece): number {
  const instant = Date.parse(piece.submittedAt);
  return Number.isNaN(instant) ? Number.POSITIVE_INFINITY : instant;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * First come, first served: the editorial queue's order.
 *
 * Rule: earlier signed `submittedAt` instant first (compared as instants, so offsets do not
 * matter); on equal instants the node id, then the record id, in code-point order (never the
 * locale's). An unparsable time sorts last. The order is total, so it never depends on the order
 * records happened to arrive at the hub.
 */
export function compareQueueOrder(a: QueuedPiece, b: QueuedPiece): number {
  const byTime = signedInstant(a) - signedInstant(b);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime < 0 ? -1 : 1;
  return compareCodePoints(a.nodeId, b.nodeId) || compareCodePoints(a.recordId, b.recordId);
}

export function sortQueue(queue: readonly QueuedPiece[]): QueuedPiece[] {
  return [...queue].sort(compareQueueOrder);
}

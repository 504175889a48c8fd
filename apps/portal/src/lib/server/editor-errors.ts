import { HubClientError } from '@promise-global/sdk/client/hub';

const PLAIN_WORDS: Record<string, string> = {
  NODE_ALREADY_ENROLLED: 'That node is already enrolled.',
  NODE_ENROLMENT_IN_PROGRESS: 'That node is being enrolled already. Refresh in a moment.',
  PARTNER_ID_TAKEN: 'Another node already uses that partner’s id.',
  NODE_URL_INVALID: 'That is not a node address the hub can use. Check it starts with https://.',
  NODE_NOT_FOUND: 'The hub has no node with that name.',
  FINGERPRINT_MISMATCH:
    'That is not the fingerprint of the key the hub was shown. Nothing was pinned. Check the fingerprint with the partner by phone; if it still differs, someone may be between the hub and the node.',
  ENROLMENT_EXPIRED: 'That enrolment waited too long and has expired. Enrol the node again.',
  ENROLMENT_NOT_PENDING: 'Nothing from that node is waiting for approval.',
  INVALID_WEEK: 'That is not a week the schedule can use. Write it like 2026-W41.',
  PIECE_NOT_FOUND: 'The hub no longer has that piece.',
  PIECE_WITHDRAWN: 'Its partner has withdrawn that piece.',
  PIECE_ALREADY_SENT: 'That piece has already gone out in a bulletin.',
  PIECE_NOT_APPROVED: 'Approve the piece first.',
  PIECE_DECLINED: 'That piece was declined.',
  WEEK_ALREADY_SENT: 'That week’s bulletin has already gone out.',
  WEEK_BEFORE_START: 'That week is before the schedule starts.',
  WEEK_PINNED: 'Another piece is pinned to that week. Swap the two weeks instead.',
  WEEKS_EMPTY: 'Neither week holds a piece.',
  SAME_WEEK: 'Choose two different weeks.',
  TEXT_REQUIRED: 'Write a few words for the partner.',
  LOG_BUSY: 'Another editor is changing the schedule. Try again in a moment.',
  PROJECT52_OFF: 'Project 52 is not running on this hub.',
  FORBIDDEN: 'Only operators can do that.',
  UNAUTHORIZED: 'The hub no longer accepts your token. Sign in again.',
};

/** A hub refusal in words an editor can act on: the domain code's words, else the hub's message. */
export function hubErrorInWords(cause: unknown): string {
  if (!(cause instanceof HubClientError)) {
    return 'The hub did not answer. Try again in a minute.';
  }
  const domainCode = /^([A-Z0-9_]+): (.*)$/s.exec(cause.message);
  if (domainCode?.[1] === 'DECISION_CONFLICT') return staleDecisionInWords(domainCode[2] ?? '');
  const known = PLAIN_WORDS[domainCode?.[1] ?? ''] ?? PLAIN_WORDS[cause.code];
  if (known) return known;
  if (cause.code === 'UNPROCESSABLE_CONTENT' && domainCode?.[2]) {
    return `The hub could not use that node: ${domainCode[2]}`;
  }
  if (cause.code === 'BAD_REQUEST') return 'The hub did not accept that. Check what you entered.';
  return 'The hub could not do that just now. Try again in a minute.';
}

const PIECE_STATE_WORDS: Record<string, string> = {
  queued: 'waiting for a decision',
  approved: 'approved',
  changes_requested: 'sent back for changes',
  declined: 'declined',
  withdrawn: 'withdrawn by its partner',
};

/** `<piece> is now <state> (<type> by editor:<name> at <iso>)…` → who decided first, in words. */
function staleDecisionInWords(detail: string): string {
  const match = /is now (\w+)(?: \(\w+ by (?:editor:)?(.+?) at [^)]+\))?/.exec(detail);
  const state = PIECE_STATE_WORDS[match?.[1] ?? ''] ?? 'changed';
  const who = match?.[2] ? `${match[2]} ` : 'another editor ';
  return `Not done: ${who}decided first, and this piece is now ${state}. The queue below shows where it stands; decide again if you still want to.`;
}

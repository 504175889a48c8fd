/** Why an operator's action on a node was refused. */
export type EnrolmentErrorCode =
  | 'NODE_ALREADY_ENROLLED'
  | 'NODE_ENROLMENT_IN_PROGRESS'
  | 'NODE_NOT_FOUND'
  | 'PARTNER_ID_TAKEN'
  | 'NODE_URL_INVALID'
  /** No enrolment or re-pin of that partner is waiting for approval. */
  | 'ENROLMENT_NOT_PENDING'
  /** The pending enrolment or re-pin waited too long (docs/protocol.md §3.1); start it again. */
  | 'ENROLMENT_EXPIRED'
  /** The fingerprint given is not that of the key that signed the pending descriptor. */
  | 'FINGERPRINT_MISMATCH';

export class EnrolmentError extends Error {
  constructor(
    readonly code: EnrolmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnrolmentError';
  }
}

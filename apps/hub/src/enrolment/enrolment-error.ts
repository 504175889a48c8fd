/** Why an operator's action on a node was refused. */
export type EnrolmentErrorCode =
  | 'NODE_ALREADY_ENROLLED'
  | 'NODE_ENROLMENT_IN_PROGRESS'
  | 'NODE_NOT_FOUND'
  | 'PARTNER_ID_TAKEN'
  | 'NODE_URL_INVALID';

export class EnrolmentError extends Error {
  constructor(
    readonly code: EnrolmentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnrolmentError';
  }
}

/** Why an operator's action on an upstream hub was refused. */
export type UpstreamErrorCode =
  | 'UPSTREAM_ALREADY_ADDED'
  | 'UPSTREAM_NOT_FOUND'
  | 'UPSTREAM_IS_SELF'
  | 'UPSTREAM_IDENTITY_INVALID';

export class UpstreamError extends Error {
  constructor(
    readonly code: UpstreamErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

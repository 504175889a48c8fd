/** A Project 52 request the hub cannot serve: not configured here, or naming something unknown. */
export class Project52Error extends Error {
  constructor(
    readonly code: 'PROJECT52_OFF' | 'WEEK_NOT_FOUND' | 'LOG_BUSY' | 'DECISION_CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'Project52Error';
  }
}

/** Why an editor's action on the Project 52 schedule was refused. */
export type ScheduleErrorCode =
  | 'INVALID_WEEK'
  | 'PIECE_NOT_FOUND'
  | 'PIECE_WITHDRAWN'
  | 'PIECE_ALREADY_SENT'
  | 'PIECE_NOT_APPROVED'
  | 'PIECE_DECLINED'
  | 'WEEK_ALREADY_SENT'
  | 'WEEK_BEFORE_START'
  | 'WEEK_PINNED'
  | 'WEEKS_EMPTY'
  | 'SAME_WEEK'
  | 'TEXT_REQUIRED';

export class ScheduleError extends Error {
  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/** An operation refused or failed for a reason the operator can act on; `code` is stable. */
export class OperationError extends Error {
  override readonly name = 'OperationError';

  constructor(
    readonly code:
      | 'DATA_DIR_LOCKED'
      | 'DATABASE_TOO_NEW'
      | 'BACKUP_UNSUPPORTED'
      | 'BACKUP_EXISTS'
      | 'BACKUP_NOT_FOUND'
      | 'BACKUP_INVALID'
      | 'RESTORE_UNSUPPORTED',
    message: string,
  ) {
    super(message);
  }
}

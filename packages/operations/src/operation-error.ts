/** An operation refused or failed for a reason the operator can act on; `code` is stable. */
export class OperationError extends Error {
  override readonly name = 'OperationError';

  constructor(
    readonly code:
      | 'DATA_DIR_LOCKED'
      | 'DATABASE_TOO_NEW'
      | 'DATABASE_UNREADABLE'
      | 'KEY_FILE_INVALID'
      | 'PORT_IN_USE'
      | 'PORT_UNAVAILABLE'
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

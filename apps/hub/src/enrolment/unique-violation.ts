/** Whether a failed write collided with a unique index, looking through drizzle's wrapper to libSQL's error. */
export function isUniqueViolation(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if ((cause as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
    if (cause.message.includes('UNIQUE constraint failed')) return true;
    cause = cause.cause;
  }
  return false;
}

/** How long a listing stays trusted without a `reviewDue` date: six months after it was checked. */
export const DEFAULT_REVIEW_DAYS = 183;

const DAY_MS = 86_400_000;

export interface ReviewStatus {
  /** When the owner last confirmed the listing, if ever. */
  checkedAt: string | null;
  /** True when the listing is past its review date (or was never checked). */
  overdue: boolean;
  /** True when the owner has checked it and it is not overdue: the only time to say "Checked". */
  checked: boolean;
}

/**
 * Whether a service listing is overdue for review: past its `reviewDue` date, or — without one —
 * checked more than {@link DEFAULT_REVIEW_DAYS} days ago, or never checked at all.
 */
export function reviewStatus(
  service: { assuredAt?: string | null; reviewDue?: string | null },
  now: Date = new Date(),
): ReviewStatus {
  const checkedAt = service.assuredAt ?? null;
  const status = (overdue: boolean) => ({
    checkedAt,
    overdue,
    checked: !overdue && checkedAt !== null,
  });
  if (service.reviewDue) {
    // An imported listing may carry a future review date without ever having been checked.
    const due = Date.parse(`${service.reviewDue}T23:59:59Z`);
    return status(Number.isFinite(due) && due < now.getTime());
  }
  if (checkedAt === null) return status(true);
  return status(now.getTime() - Date.parse(checkedAt) > DEFAULT_REVIEW_DAYS * DAY_MS);
}

/** A week as the bulletins page lists it: enough to tell weeks apart and order them. */
export interface ListedWeek {
  week: string;
}

export interface BulletinSections<Sent extends ListedWeek, Planned extends ListedWeek> {
  /** This week's bulletin: as sent, else as planned; null when this week has no piece. */
  thisWeek: { sent: Sent; planned: null } | { sent: null; planned: Planned } | null;
  /** Every later week with a piece, soonest first. */
  comingUp: Planned[];
  /** Bulletins sent before this week, newest first. */
  archive: Sent[];
}

const byWeek = (a: ListedWeek, b: ListedWeek) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0);

/**
 * The bulletins page's three parts: this week's first (whether or not it has gone out yet), then
 * what is coming up, then the archive. ISO week strings (`2026-W07`) sort as text.
 */
export function bulletinSections<Sent extends ListedWeek, Planned extends ListedWeek>(
  currentWeek: string | null,
  sent: readonly Sent[],
  planned: readonly Planned[],
): BulletinSections<Sent, Planned> {
  const sentThisWeek = sent.find((bulletin) => bulletin.week === currentWeek) ?? null;
  const plannedThisWeek = planned.find((week) => week.week === currentWeek) ?? null;
  const sentWeeks = new Set(sent.map((bulletin) => bulletin.week));
  return {
    thisWeek: sentThisWeek
      ? { sent: sentThisWeek, planned: null }
      : plannedThisWeek
        ? { sent: null, planned: plannedThisWeek }
        : null,
    comingUp: planned
      .filter(
        (week) => currentWeek !== null && week.week > currentWeek && !sentWeeks.has(week.week),
      )
      .sort(byWeek),
    archive: sent
      .filter((bulletin) => currentWeek === null || bulletin.week < currentWeek)
      .sort((a, b) => byWeek(b, a)),
  };
}

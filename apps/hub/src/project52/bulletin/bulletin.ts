import type { CaseStudy } from '@promise-global/schema';
import { safeHref } from '@promise-global/ui/markdown';
import { type IsoWeek, isoWeekMonday, parseIsoWeek } from '../schedule/iso-week.js';

/** The week's piece, as the hub holds it from the partner's signed record. */
export interface BulletinPiece {
  recordId: string;
  title: string;
  partnerName: string;
  /** Controlled theme values, e.g. `crisis_care`. */
  themes: readonly string[];
  kind: string;
  summary: string;
  /** Markdown, about 500 words. */
  body: string;
  setting?: string | undefined;
  contact?: { role: string; email: string } | undefined;
  /** Schema 1.1 structured sections (Markdown) and resource links; counted within the word limit. */
  caseStudy?: CaseStudy | undefined;
  /** The piece on the portal. */
  url: string;
}

/** One line of "also new in the network". */
export interface AlsoNewItem {
  title: string;
  partnerName: string;
  url: string;
}

/** Everything one week's bulletin shows; every string from a partner is escaped by the renderers. */
export interface Bulletin {
  week: IsoWeek;
  /** The bulletin's own page on the portal. */
  url: string;
  publishedAt: Date;
  piece: BulletinPiece;
  alsoNew: {
    services: readonly AlsoNewItem[];
    pieces: readonly AlsoNewItem[];
    /**
     * Earlier pieces other partners took up (or moved on) in the week before, e.g. title
     * "Riverside is piloting “Crisis café evenings”" with the owner as `partnerName`. Absent from
     * bulletins frozen before adoptions existed.
     */
    adoptions?: readonly AlsoNewItem[];
  };
}

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Week 41, 2026 (5 October to 11 October 2026)": the ISO week-year, so week 1 may start in December. */
export function weekLabel(week: IsoWeek): string {
  const { weekYear, week: number } = parseIsoWeek(week);
  const monday = isoWeekMonday(week);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return `Week ${number}, ${weekYear} (${dayMonth.format(monday)} to ${dayMonthYear.format(sunday)})`;
}

/** A link target that is safe to render, or `#` when it is not http(s)/mailto. */
export function linkTarget(url: string): string {
  return safeHref(url) ?? '#';
}

export function bulletinSubject(bulletin: Bulletin): string {
  const { week } = parseIsoWeek(bulletin.week);
  return `Project 52, week ${week}: ${bulletin.piece.title} (${bulletin.piece.partnerName})`.replace(
    /[\r\n]+/g,
    ' ',
  );
}

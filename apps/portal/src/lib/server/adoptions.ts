import type { AdoptionStage, AdoptionView } from '@promise-global/sdk/client/hub';
import { formatDate } from '@promise-global/ui/format';
import { countryName } from '#lib/country-name.js';

/** Stage words a reader understands, in the order an adoption moves through them. */
export const STAGE_LABELS: Record<AdoptionStage, string> = {
  exploring: 'Exploring',
  piloting: 'Piloting',
  adopted: 'Adopted',
  stopped: 'Stopped',
};

/** What a reader is told when the adopter's reference no longer matches the piece (§4.7). */
const REFERENCE_NOTES = {
  ok: null,
  outdated: 'Read an earlier version of this piece',
  withdrawn: 'The piece has since been withdrawn',
  unknown: 'The piece is not in the network',
} as const;

export interface TakenUpRow {
  partnerId: string;
  partnerName: string;
  country: string;
  stage: string;
  since: string;
  date: string;
  dateIso: string;
  note: string;
  contactRole: string;
  referenceNote: string | null;
}

/** Active adopters count; a partner that stopped is listed but not counted. */
export function activeAdopters(adoptions: readonly AdoptionView[]): number {
  return new Set(adoptions.filter((a) => a.stage !== 'stopped').map((a) => a.partnerId)).size;
}

/** The "Taken up by N partners" section of a piece: active stages first, then by date. */
export function takenUp(adoptions: readonly AdoptionView[]): {
  count: number;
  heading: string;
  rows: TakenUpRow[];
} {
  const count = activeAdopters(adoptions);
  const order = ['adopted', 'piloting', 'exploring', 'stopped'];
  const rows = adoptions
    .toSorted(
      (a, b) =>
        order.indexOf(a.stage) - order.indexOf(b.stage) ||
        a.firstDate.localeCompare(b.firstDate) ||
        a.partnerId.localeCompare(b.partnerId),
    )
    .map((a) => ({
      partnerId: a.partnerId,
      partnerName: a.partnerName,
      country: countryName(a.country),
      stage: STAGE_LABELS[a.stage],
      since: formatDate(a.firstDate),
      date: formatDate(a.date),
      dateIso: a.date,
      note: a.note,
      contactRole: a.contactRole,
      referenceNote: REFERENCE_NOTES[a.referenceStatus],
    }));
  const heading =
    count === 0
      ? adoptions.length > 0
        ? 'Tried by other partners'
        : 'Not yet taken up by another partner'
      : `Taken up by ${count} ${count === 1 ? 'partner' : 'partners'}`;
  return { count, heading, rows };
}

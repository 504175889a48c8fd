import type { AdoptionStage, AdoptionView } from '@promise-global/sdk/client/hub';

/** The drawing's own units: it scales to the page; the container scrolls on narrow screens. */
export const SPREAD_WIDTH = 960;
const LEFT = 16;
const RIGHT = 16;
const AXIS_HEIGHT = 36;
const PIECE_HEADER = 30;
/** One adopter: its label on one line, its track under it. */
const ADOPTER_ROW = 42;
/** Characters that fit across the drawing at the piece (14px bold) and adopter (13px) sizes. */
const PIECE_CHARS = 102;
const ADOPTER_CHARS = 124;
const PIECE_GAP = 14;

export interface SpreadTick {
  x: number;
  label: string;
}

export interface SpreadTrack {
  key: string;
  y: number;
  /** From the first stage date to the current stage's date. */
  x1: number;
  x2: number;
  stage: AdoptionStage;
  /** Who, where and how far, on its own line above the track (never clipped at the edges). */
  label: string;
  labelX: number;
  labelY: number;
}

export interface SpreadPiece {
  key: string;
  y: number;
  title: string;
  tracks: SpreadTrack[];
}

export interface SpreadLayout {
  width: number;
  height: number;
  axisY: number;
  left: number;
  right: number;
  ticks: SpreadTick[];
  pieces: SpreadPiece[];
}

const MONTH = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_MS = 86_400_000;

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Month starts between `from` and `to` (days), every `step` months so labels never crowd. */
function monthTicks(from: number, to: number, x: (day: number) => number): SpreadTick[] {
  const start = new Date(from * DAY_MS);
  const months =
    (new Date(to * DAY_MS).getUTCFullYear() - start.getUTCFullYear()) * 12 +
    new Date(to * DAY_MS).getUTCMonth() -
    start.getUTCMonth() +
    1;
  const step = Math.max(1, Math.ceil(months / 8));
  const ticks: SpreadTick[] = [];
  for (let m = 0; m <= months; m += step) {
    const tick = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1) / DAY_MS;
    if (tick < from || tick > to) continue;
    ticks.push({ x: x(tick), label: MONTH.format(new Date(tick * DAY_MS)) });
  }
  return ticks;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Lays out the network's spread as a timeline: one band per piece (title, owner and country code),
 * and under it one track per adopter from its first stage to its current one, oldest piece first.
 * Pure, so the server renders it as SVG without a script in the page.
 */
export function spreadLayout(adoptions: readonly AdoptionView[]): SpreadLayout {
  const days = adoptions.flatMap((a) => [dayOf(a.firstDate), dayOf(a.date)]);
  const first = days.length ? Math.min(...days) : 0;
  // A little room either side, and at least a month, so single dates do not sit on the edge.
  const from = first - 10;
  const to = Math.max(days.length ? Math.max(...days) : 0, first + 30) + 10;
  const span = SPREAD_WIDTH - LEFT - RIGHT;
  const x = (day: number) => Math.round((LEFT + ((day - from) / (to - from)) * span) * 10) / 10;

  const groups = new Map<string, AdoptionView[]>();
  for (const adoption of adoptions) {
    const key = `${adoption.piece.partnerId}/${adoption.piece.recordId}`;
    groups.set(key, [...(groups.get(key) ?? []), adoption]);
  }
  const ordered = [...groups.entries()].sort(
    ([ka, a], [kb, b]) =>
      (a[0]?.firstDate ?? '').localeCompare(b[0]?.firstDate ?? '') || ka.localeCompare(kb),
  );
  let y = AXIS_HEIGHT + 8;
  const pieces: SpreadPiece[] = ordered.map(([key, group]) => {
    const head = group[0] as AdoptionView;
    const owner = head.piece.partnerName ?? head.piece.partnerId;
    // The owner gets at most half the line; the title the rest.
    const from = ` — ${shorten(owner, PIECE_CHARS / 2 - 8)}${head.piece.country ? ` (${head.piece.country})` : ''}`;
    const title = `${shorten(head.piece.title ?? 'A piece no longer in the network', PIECE_CHARS - from.length)}${from}`;
    const pieceY = y + 18;
    y += PIECE_HEADER;
    const tracks = group.map((a): SpreadTrack => {
      const labelY = y + 14;
      const trackY = y + 30;
      y += ADOPTER_ROW;
      const stage = `: ${a.stage}`;
      const name = `${a.partnerName}${a.country ? ` (${a.country})` : ''}`;
      return {
        key: `${a.partnerId}/${a.id}`,
        y: trackY,
        x1: x(dayOf(a.firstDate)),
        x2: x(dayOf(a.date)),
        stage: a.stage,
        label: `${shorten(name, ADOPTER_CHARS - stage.length)}${stage}`,
        labelX: LEFT + 16,
        labelY,
      };
    });
    y += PIECE_GAP;
    return { key, y: pieceY, title, tracks };
  });
  return {
    width: SPREAD_WIDTH,
    height: Math.max(y, AXIS_HEIGHT + 40),
    axisY: AXIS_HEIGHT - 8,
    left: LEFT,
    right: SPREAD_WIDTH - RIGHT,
    ticks: monthTicks(from, to, x),
    pieces,
  };
}

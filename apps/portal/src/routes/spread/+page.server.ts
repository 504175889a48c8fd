import { formatDate } from '@promise-global/ui/format';
import { countryName } from '#lib/country-name.js';
import { activeAdopters, STAGE_LABELS } from '#lib/server/adoptions.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import { spreadLayout } from '#lib/server/spread-layout.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const { hub } = getPortal();
  const adoptions = await fromHub(() => hub.adoptions());
  const pieces = new Set(adoptions.map((a) => `${a.piece.partnerId}/${a.piece.recordId}`));
  const countries = new Set(
    adoptions.flatMap((a) => [a.country, a.piece.country]).filter((c): c is string => c !== null),
  );
  const between = new Map<string, { from: string; to: string; pieces: Set<string> }>();
  for (const a of adoptions) {
    if (a.stage === 'stopped') continue;
    const from = countryName(a.piece.country) || 'Unknown';
    const to = countryName(a.country) || 'Unknown';
    const key = `${from}\u0000${to}`;
    const entry = between.get(key) ?? { from, to, pieces: new Set<string>() };
    entry.pieces.add(`${a.piece.partnerId}/${a.piece.recordId}`);
    between.set(key, entry);
  }
  return {
    summary: {
      pieces: pieces.size,
      adopters: activeAdopters(adoptions),
      countries: countries.size,
      adoptions: adoptions.length,
    },
    layout: spreadLayout(adoptions),
    rows: adoptions.map((a) => ({
      key: `${a.partnerId}/${a.id}`,
      pieceHref:
        a.piece.title === null
          ? null
          : `/innovations/${encodeURIComponent(a.piece.partnerId)}/${encodeURIComponent(a.piece.recordId)}`,
      piece: a.piece.title ?? 'A piece no longer in the network',
      from: [a.piece.partnerName ?? a.piece.partnerId, countryName(a.piece.country)]
        .filter(Boolean)
        .join(', '),
      adopter: a.partnerName,
      adopterHref: `/partners/${encodeURIComponent(a.partnerId)}`,
      country: countryName(a.country),
      stage: STAGE_LABELS[a.stage],
      since: formatDate(a.firstDate),
      sinceIso: a.firstDate,
      latest: formatDate(a.date),
      latestIso: a.date,
    })),
    between: [...between.values()]
      .map((entry) => ({ from: entry.from, to: entry.to, pieces: entry.pieces.size }))
      .sort(
        (a, b) => b.pieces - a.pieces || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
      ),
  };
};

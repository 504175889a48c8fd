import type { NationalHelpline } from '@promise-global/sdk/client/hub';
import { getPortal } from './portal.js';

const RECHECK_MS = 60_000;
let known: { byCountry: Map<string, NationalHelpline[]>; at: number } | undefined;

/**
 * The hub operator's national numbers by country, remembered for a minute (every page's help box
 * asks). When the hub cannot say, the last answer stands, or none.
 */
async function allHelplines(): Promise<Map<string, NationalHelpline[]>> {
  if (known && Date.now() - known.at < RECHECK_MS) return known.byCountry;
  try {
    const list = await getPortal().hub.nationalHelplines();
    known = {
      byCountry: new Map(list.map((entry) => [entry.country, entry.lines])),
      at: Date.now(),
    };
  } catch (cause) {
    console.error('portal: helplines.list failed', cause);
    return known?.byCountry ?? new Map();
  }
  return known.byCountry;
}

/** A country's national numbers to show: the country asked for, else the portal's own. */
export async function helplinesFor(
  country: string | null = null,
): Promise<{ country: string; lines: NationalHelpline[] }> {
  const byCountry = await allHelplines();
  const chosen = country && byCountry.has(country) ? country : getPortal().config.country;
  return { country: chosen, lines: byCountry.get(chosen) ?? [] };
}

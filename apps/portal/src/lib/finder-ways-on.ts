import { type Suggestion, withoutValue, withQuery } from './empty-search.js';
import { SERVICE_PARAMS } from './search-state.js';

/** What the finder's URL asked for, as far as a reader can take it back. */
export interface FinderAsked {
  q: string;
  lists: Partial<Record<keyof typeof SERVICE_PARAMS, readonly string[]>>;
  openNow: boolean;
  open247: boolean;
  age: number | null;
}

/**
 * Ways on from a finder search that found nothing: one link per thing asked for, each taking
 * only that back (words first, then filters in the panel's order), and the crisis lines last.
 */
export function finderWaysOn(
  url: Pick<URL, 'pathname' | 'search'>,
  asked: FinderAsked,
  labelOf: (param: string, value: string) => string,
): Suggestion[] {
  const ways: Suggestion[] = [];
  if (asked.q)
    ways.push({ href: withQuery(url, null), text: `Search without the words “${asked.q}”` });
  for (const [key, param] of Object.entries(SERVICE_PARAMS)) {
    for (const value of asked.lists[key as keyof typeof SERVICE_PARAMS] ?? []) {
      ways.push({
        href: withoutValue(url, param, value),
        text: `Remove “${labelOf(param, value)}”`,
      });
    }
  }
  if (asked.openNow)
    ways.push({ href: withoutValue(url, 'open', 'now'), text: 'Include services closed now' });
  if (asked.open247)
    ways.push({
      href: withoutValue(url, 'open247', 'yes'),
      text: 'Include services not open all hours',
    });
  if (asked.age !== null)
    ways.push({ href: withoutValue(url, 'age', String(asked.age)), text: 'Any age' });
  ways.push({ href: '/services?urgency=emergency&urgency=urgent', text: 'See every crisis line' });
  return ways;
}

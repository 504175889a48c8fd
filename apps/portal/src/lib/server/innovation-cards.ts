import type { InnovationHit, PartnerSummary, SnippetPart } from '@promise-global/sdk/client/hub';
import { countryName } from '#lib/country-name.js';
import { label } from './labels.js';

export interface InnovationCardData {
  href: string;
  title: string;
  summary: string | SnippetPart[];
  excerpt: SnippetPart[];
  partnerName: string;
  country: string;
  kind: string;
  themes: string[];
  date: string | undefined;
  /** "Taken up by 2 partners", when other partners are exploring, piloting or have adopted it. */
  takenUp: string | undefined;
}

/** "Taken up by 1 partner" / "Taken up by 3 partners"; undefined for none. */
export function takenUpLine(count: number): string | undefined {
  if (count <= 0) return undefined;
  return `Taken up by ${count} ${count === 1 ? 'partner' : 'partners'}`;
}

const MARKDOWN_SYNTAX = /(^|\s)#{1,6}\s+|\*\*|__|`+|!\[|\]\([^)]*\)|\[|(^|\s)[-*+]\s+(?=\S)/g;

/** Body snippets come from the Markdown source: show them as plain words. */
function plainWords(parts: readonly SnippetPart[]): SnippetPart[] {
  return parts
    .map((part) => ({
      text: part.text.replace(
        MARKDOWN_SYNTAX,
        (_match, before: string | undefined, listBefore: string | undefined) =>
          before ?? listBefore ?? '',
      ),
      match: part.match,
    }))
    .filter((part) => part.text.length > 0);
}

/**
 * Cards for a page of innovation hits, from the hits alone (the index carries the summary);
 * where the search matched only the body, that snippet is shown under the summary.
 */
export function innovationCards(
  hits: readonly InnovationHit[],
  partners: ReadonlyMap<string, PartnerSummary>,
): InnovationCardData[] {
  return hits.map((hit) => {
    const summaryMatched = hit.highlights.summary.some((part) => part.match);
    const bodyMatched = hit.highlights.body.some((part) => part.match);
    return {
      href: `/innovations/${encodeURIComponent(hit.partnerId)}/${encodeURIComponent(hit.id)}`,
      title: hit.title,
      summary: summaryMatched ? hit.highlights.summary : hit.summary,
      excerpt: bodyMatched && !summaryMatched ? plainWords(hit.highlights.body) : [],
      partnerName: partners.get(hit.partnerId)?.name ?? hit.partnerId,
      country: countryName(hit.country),
      kind: label(hit.kind ?? 'innovation'),
      themes: hit.themes.map(label),
      date: hit.year ? String(hit.year) : undefined,
      takenUp: takenUpLine(hit.takenUpBy ?? 0),
    };
  });
}

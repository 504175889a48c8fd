import { Innovation } from '@promise-global/schema';
import type {
  HubClient,
  InnovationHit,
  PartnerSummary,
  SnippetPart,
} from '@promise-global/sdk/client/hub';
import { countryName } from '$lib/country-name.js';
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
 * Cards for a page of innovation hits. The search index carries no summary text, so each hit's
 * signed record is read too (server-side, in parallel); where the search matched only the body,
 * that snippet is shown under the summary.
 */
export async function innovationCards(
  hub: HubClient,
  hits: readonly InnovationHit[],
  partners: ReadonlyMap<string, PartnerSummary>,
): Promise<InnovationCardData[]> {
  const records = await Promise.all(
    hits.map((hit) => hub.getRecord({ partnerId: hit.partnerId, type: 'innovation', id: hit.id })),
  );
  return hits.map((hit, index) => {
    const parsed = Innovation.safeParse(records[index]?.data);
    const summaryMatched = hit.highlights.summary.some((part) => part.match);
    const bodyMatched = hit.highlights.body.some((part) => part.match);
    const summary = summaryMatched
      ? hit.highlights.summary
      : parsed.success
        ? parsed.data.summary
        : '';
    return {
      href: `/innovations/${encodeURIComponent(hit.partnerId)}/${encodeURIComponent(hit.id)}`,
      title: hit.title,
      summary,
      excerpt: bodyMatched && !summaryMatched ? plainWords(hit.highlights.body) : [],
      partnerName: partners.get(hit.partnerId)?.name ?? hit.partnerId,
      country: countryName(hit.country),
      kind: label(hit.kind ?? 'innovation'),
      themes: hit.themes.map(label),
      date: hit.year ? String(hit.year) : undefined,
    };
  });
}

import type { Organisation } from '@promise-global/schema';
import type { CallOptions } from './transport.js';

/**
 * One page of a node's list (`GET /api/services`, `/api/innovations`, `/api/organisations`):
 * pass `nextCursor` back as `cursor` for the next page (null on the last page), or `prevCursor`
 * for the page before (null on the first).
 */
export interface NodeListPage<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** How many items match the search and filters in all. */
  total: number;
}

/** Paging and search, common to every list. */
export interface NodeListOptions extends CallOptions {
  /** Words that must all appear (ASCII letters in any case). */
  q?: string | undefined;
  /** Items per page: 50 by default, at most 200 (the node refuses more with 400). */
  limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  cursor?: string | undefined;
}

/** Services by name; `q` searches name and description. */
export interface ServiceListOptions extends NodeListOptions {
  /** `due` (past its review date or never checked), `checked`, or `not_checked` (not yet due). */
  review?: 'due' | 'checked' | 'not_checked' | undefined;
  status?: 'active' | 'inactive' | 'defunct' | 'temporarily closed' | undefined;
  organisationId?: string | undefined;
}

/** Write-ups, most recently changed first; `q` searches title and summary. */
export interface InnovationListOptions extends NodeListOptions {
  status?: 'draft' | 'submitted' | 'withdrawn' | undefined;
  kind?: string | undefined;
}

/** Organisations by name; `q` searches the name. */
export interface OrganisationListOptions extends NodeListOptions {
  type?: string | undefined;
}

/** An organisation as listed, with how many live services it runs. */
export interface ListedOrganisation {
  rev: number;
  data: Organisation;
  serviceCount: number;
}

/** The query string of a list call: every given option except the call's own (`signal`). */
export function listQueryString(options: NodeListOptions): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (key === 'signal' || value === undefined) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Every item of every page from `options.cursor` on, following `nextCursor`. */
export async function* everyItem<T, O extends NodeListOptions>(
  page: (options: O) => Promise<NodeListPage<T>>,
  options: O,
): AsyncGenerator<T, void, undefined> {
  let cursor = options.cursor;
  do {
    const next = await page({ ...options, cursor });
    yield* next.items;
    cursor = next.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

import { LABELS } from '../vocabularies.js';
import { nameUuid, PROMISE_UUID_NAMESPACE } from './name-uuid.js';
import type { HsdsAttribute, HsdsTaxonomy, HsdsTaxonomyTerm } from './types.js';

/** The taxonomy that carries PROMISE Network's extensions to HSDS as attributes. */
export const PROMISE_TAXONOMY: HsdsTaxonomy = {
  id: nameUuid(PROMISE_UUID_NAMESPACE, 'taxonomy/promise-network'),
  name: 'PROMISE Network',
  description:
    'Extensions to HSDS for mental-health crisis care: 24/7 availability, urgency, response standard, referral routes, categories and official area codes.',
  version: '1',
};

const GROUPS = {
  available_24x7: 'Available 24 hours a day, 7 days a week (value: true or false)',
  urgency: 'How urgent the need the service meets is',
  response_standard: 'The response target, as an ISO 8601 duration in the value',
  referral_route: 'Who can refer; for a named team the value is the team name',
  category: 'What kind of help the service gives',
  area_code: 'Official code of the service area (e.g. an ONS GSS code) in the value',
} as const;

export type TermGroup = keyof typeof GROUPS;

/** The taxonomy term `group` or `group.value`, e.g. `urgency.emergency`; its id depends only on the code. */
export function promiseTerm(group: TermGroup, value?: string): HsdsTaxonomyTerm {
  const code = value === undefined ? group : `${group}.${value}`;
  const name = value === undefined ? group.replaceAll('_', ' ') : (LABELS[value] ?? value);
  return {
    id: nameUuid(PROMISE_UUID_NAMESPACE, `term/${code}`),
    code,
    name,
    description: GROUPS[group],
    taxonomy: PROMISE_TAXONOMY.name,
    taxonomy_id: PROMISE_TAXONOMY.id,
    taxonomy_detail: PROMISE_TAXONOMY,
  };
}

/** An attribute linking `term` to the entity `linkId`, with a stable id from `idName`. */
export function attribute(
  linkId: string,
  linkEntity: string,
  idName: string,
  term: HsdsTaxonomyTerm,
  value?: string,
): HsdsAttribute {
  return {
    id: nameUuid(linkId, idName),
    link_id: linkId,
    link_entity: linkEntity,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
    ...(value === undefined ? {} : { value }),
  };
}

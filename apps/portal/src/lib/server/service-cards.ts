import { Organisation, Service } from '@promise-global/schema';
import type { HubClient, ServiceHit } from '@promise-global/sdk/client/hub';

export interface ServiceCardData {
  href: string;
  partnerId: string;
  service: Service;
  organisationName: string | null;
}

const URGENCY_ORDER = ['emergency', 'urgent', 'non_urgent'];

/** Emergency first, then urgent crisis help, then the rest; the hub's order within each. */
export function byUrgency(a: ServiceCardData, b: ServiceCardData): number {
  return URGENCY_ORDER.indexOf(a.service.urgency) - URGENCY_ORDER.indexOf(b.service.urgency);
}

/**
 * The full signed records behind a page of search hits (phones, hours and review dates are not in
 * the search index), with their organisations' names. Server-side, in parallel: one round of
 * requests, never a browser waterfall.
 */
export async function serviceCards(
  hub: HubClient,
  hits: readonly ServiceHit[],
): Promise<ServiceCardData[]> {
  const records = await Promise.all(
    hits.map((hit) => hub.getRecord({ partnerId: hit.partnerId, type: 'service', id: hit.id })),
  );
  const organisationKeys = new Map<string, { partnerId: string; id: string }>();
  for (const hit of hits) {
    if (hit.organisationId)
      organisationKeys.set(`${hit.partnerId}/${hit.organisationId}`, {
        partnerId: hit.partnerId,
        id: hit.organisationId,
      });
  }
  const organisations = await Promise.all(
    [...organisationKeys.entries()].map(async ([key, ref]) => {
      const record = await hub.getRecord({ ...ref, type: 'organisation' });
      const parsed = Organisation.safeParse(record?.data);
      return [key, parsed.success ? parsed.data.name : null] as const;
    }),
  );
  const organisationName = new Map(organisations);
  return hits.flatMap((hit, index) => {
    const parsed = Service.safeParse(records[index]?.data);
    if (!parsed.success) return [];
    return [
      {
        href: `/services/${encodeURIComponent(hit.partnerId)}/${encodeURIComponent(hit.id)}`,
        partnerId: hit.partnerId,
        service: parsed.data,
        organisationName:
          organisationName.get(`${hit.partnerId}/${parsed.data.organisationId}`) ?? null,
      },
    ];
  });
}

/** Whether a service takes someone of this age (no age given: every service matches). */
export function takesAge(service: Service, age: number | null): boolean {
  if (age === null) return true;
  return (service.minAge ?? 0) <= age && age <= (service.maxAge ?? 150);
}

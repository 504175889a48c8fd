import type { PartnerSummary } from '@promise-global/sdk/client/hub';
import { getPortal } from './portal.js';

/** Partner names by id, for labelling results (one hub call per page load). */
export async function partnerDirectory(): Promise<Map<string, PartnerSummary>> {
  const partners = await getPortal().hub.partners();
  return new Map(partners.map((partner) => [partner.partnerId, partner]));
}

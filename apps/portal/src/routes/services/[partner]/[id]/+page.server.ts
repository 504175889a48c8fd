import { Organisation, Service } from '@promise-global/schema';
import { error } from '@sveltejs/kit';
import { fromHub } from '#lib/server/hub-errors.js';
import { getPortal } from '#lib/server/portal.js';
import { provenanceOf } from '#lib/server/provenance.js';
import { audienceOf } from '#lib/server/service-cards.js';
import { serviceFacts } from '#lib/server/service-facts.js';
import { signatureCheckSource } from '#lib/server/signature-check-source.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const { hub, config } = getPortal();
  const [record, partners, statuses] = await fromHub(() =>
    Promise.all([
      hub.getRecord({ partnerId: params.partner, type: 'service', id: params.id }),
      hub.partners(),
      hub.nodeStatus(),
    ]),
  );
  const parsed = Service.safeParse(record?.data);
  if (record === null || !parsed.success)
    error(404, { message: 'Page not found', code: 'NOT_FOUND' });
  const service = parsed.data;
  const organisationRecord = await fromHub(() =>
    hub.getRecord({ partnerId: params.partner, type: 'organisation', id: service.organisationId }),
  );
  const organisation = Organisation.safeParse(organisationRecord?.data);
  const partner = partners.find((candidate) => candidate.partnerId === params.partner);
  const partnerName = partner?.name ?? params.partner;
  const organisationName = organisation.success ? organisation.data.name : null;
  return {
    rows: serviceFacts(service, organisationName),
    canonical: `${url.origin}${url.pathname}`,
    service,
    forProfessionals:
      audienceOf(service.referralRoutes.map((route) => route.route)) === 'professionals',
    // Online places (a video room, an online course): links, not words.
    onlineLinks: service.locations.flatMap((location) =>
      location.type === 'virtual' && location.url
        ? [{ href: location.url, label: `Join online${location.name ? `: ${location.name}` : ''}` }]
        : [],
    ),
    organisation: organisationName ? { name: organisationName } : null,
    partner: { id: params.partner, name: partnerName },
    now: Date.now(),
    /** Where its hours are read when it names no time zone of its own. */
    timeZone: config.timeZone,
    signatureCheck: signatureCheckSource(record),
    provenance: provenanceOf(
      record,
      partnerName,
      statuses.find((node) => node.partnerId === params.partner),
    ),
  };
};

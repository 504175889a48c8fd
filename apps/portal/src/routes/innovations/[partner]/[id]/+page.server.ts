import { CASE_STUDY_SECTIONS, Innovation, Service } from '@promise-global/schema';
import { formatDate } from '@promise-global/ui/format';
import { renderMarkdown, safeHref } from '@promise-global/ui/markdown';
import { error } from '@sveltejs/kit';
import { countryName } from '#lib/country-name.js';
import { weekInWords } from '#lib/project52-words.js';
import { takenUp } from '#lib/server/adoptions.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { label } from '#lib/server/labels.js';
import { getPortal } from '#lib/server/portal.js';
import { project52Schedule } from '#lib/server/project52.js';
import { provenanceOf } from '#lib/server/provenance.js';
import { signatureCheckSource } from '#lib/server/signature-check-source.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
  const { hub } = getPortal();
  const [record, partners, statuses, schedule, adoptions] = await fromHub(() =>
    Promise.all([
      hub.getRecord({ partnerId: params.partner, type: 'innovation', id: params.id }),
      hub.partners(),
      hub.nodeStatus(),
      project52Schedule(),
      hub.adoptions({ piece: { partnerId: params.partner, recordId: params.id } }),
    ]),
  );
  const week = schedule?.weeks.find(
    (entry) => entry.partnerId === params.partner && entry.recordId === params.id,
  );
  const parsed = Innovation.safeParse(record?.data);
  if (record === null || !parsed.success)
    error(404, { message: 'Page not found', code: 'NOT_FOUND' });
  const innovation = parsed.data;
  const partner = partners.find((candidate) => candidate.partnerId === params.partner);
  const partnerName = partner?.name ?? params.partner;
  const related = await fromHub(() =>
    Promise.all(
      innovation.relatedServiceIds
        .slice(0, 10)
        .map((id) => hub.getRecord({ partnerId: params.partner, type: 'service', id })),
    ),
  );
  const dated = innovation.publishedAt ?? innovation.submittedAt ?? innovation.updatedAt;
  return {
    canonical: `${url.origin}${url.pathname}`,
    title: innovation.title,
    summary: innovation.summary,
    bodyHtml: renderMarkdown(innovation.body),
    kind: label(innovation.kind),
    themes: innovation.themes.map((theme) => ({ value: theme, label: label(theme) })),
    evidence: label(innovation.evidenceLevel),
    setting: innovation.setting,
    outcomes: innovation.outcomes ?? null,
    // Schema 1.1: the structured case study, each section under its own heading.
    sections: CASE_STUDY_SECTIONS.flatMap(({ key, heading }) => {
      const text = innovation.caseStudy?.[key];
      return text ? [{ key, heading, html: renderMarkdown(text) }] : [];
    }),
    resources: (innovation.caseStudy?.resources ?? []).flatMap((resource) => {
      const href = safeHref(resource.url);
      return href ? [{ title: resource.title, href }] : [];
    }),
    contact: innovation.contact,
    licence: innovation.licence,
    // One date for the reader: when it was published, else when its partner wrote it up. When
    // the node signed this version is in the provenance details.
    dateLabel: innovation.publishedAt ? 'Published' : 'Written up',
    project52: week
      ? {
          text: `Project 52 · ${weekInWords(week.week)}`,
          href: `/bulletins/${week.week}`,
          when:
            week.status === 'sent'
              ? null
              : week.week === schedule?.currentWeek
                ? 'this week'
                : 'coming up',
        }
      : null,
    date: formatDate(dated),
    dateIso: dated,
    updated: formatDate(innovation.updatedAt),
    partner: { id: params.partner, name: partnerName, country: countryName(partner?.country) },
    relatedServices: related.flatMap((detail) => {
      const service = Service.safeParse(detail?.data);
      return detail && service.success
        ? [
            {
              href: `/services/${encodeURIComponent(detail.partnerId)}/${encodeURIComponent(detail.id)}`,
              name: service.data.name,
            },
          ]
        : [];
    }),
    takenUp: takenUp(adoptions),
    signatureCheck: signatureCheckSource(record),
    provenance: provenanceOf(
      record,
      partnerName,
      statuses.find((node) => node.partnerId === params.partner),
    ),
  };
};

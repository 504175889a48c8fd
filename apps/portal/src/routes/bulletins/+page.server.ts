import { formatDate } from '@promise-global/ui/format';
import { error } from '@sveltejs/kit';
import { bulletinSections } from '#lib/bulletin-sections.js';
import { label } from '#lib/server/labels.js';
import { getPortal } from '#lib/server/portal.js';
import { innovationPath } from '#lib/server/portal-paths.js';
import { isProject52Off, project52Schedule } from '#lib/server/project52.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const [sent, schedule] = await Promise.all([
    getPortal()
      .hub.bulletins({ limit: 520 })
      .catch((cause: unknown) => {
        if (isProject52Off(cause)) error(404, { message: 'Page not found', code: 'NOT_FOUND' });
        console.error('portal: project52.bulletins failed', cause);
        error(503, {
          message: 'The bulletin archive is not answering just now. Please try again in a minute.',
          code: 'HUB_UNAVAILABLE',
        });
      }),
    project52Schedule(),
  ]);
  const sections = bulletinSections(
    schedule?.currentWeek ?? null,
    sent.map((bulletin) => ({
      week: bulletin.week,
      label: bulletin.label,
      title: bulletin.title,
      partnerName: bulletin.partnerName,
      summary: bulletin.summary,
      themes: bulletin.themes.map(label),
      sentOn: formatDate(bulletin.sentAt),
      href: innovationPath(bulletin.partnerId, bulletin.recordId),
    })),
    [...(schedule?.thisWeek ? [schedule.thisWeek] : []), ...(schedule?.comingUp ?? [])].map(
      (week) => ({
        week: week.week,
        label: week.label,
        title: week.title ?? 'A piece to be announced',
        partnerName: week.partnerName ?? week.partnerId,
        href: innovationPath(week.partnerId, week.recordId),
      }),
    ),
  );
  return sections;
};

import { formatDate } from '@promise-global/ui/format';
import { error } from '@sveltejs/kit';
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
  const sentWeeks = new Set(sent.map((bulletin) => bulletin.week));
  const upcoming = [schedule?.thisWeek, ...(schedule?.comingUp ?? [])].filter(
    (week) => week != null && !sentWeeks.has(week.week),
  );
  return {
    sent: sent.map((bulletin) => ({
      week: bulletin.week,
      label: bulletin.label,
      title: bulletin.title,
      partnerName: bulletin.partnerName,
      summary: bulletin.summary,
      themes: bulletin.themes.map(label),
      sentOn: formatDate(bulletin.sentAt),
    })),
    upcoming: upcoming.flatMap((week) =>
      week
        ? [
            {
              week: week.week,
              label: week.label,
              current: week.week === schedule?.currentWeek,
              title: week.title ?? 'A piece to be announced',
              partnerName: week.partnerName ?? week.partnerId,
              href: innovationPath(week.partnerId, week.recordId),
            },
          ]
        : [],
    ),
  };
};

import { formatDate } from '@promise-global/ui/format';
import { error } from '@sveltejs/kit';
import { fromHub } from '#lib/server/hub-errors.js';
import { label } from '#lib/server/labels.js';
import { getPortal } from '#lib/server/portal.js';
import { innovationPath, portalPath } from '#lib/server/portal-paths.js';
import { isProject52Off } from '#lib/server/project52.js';
import type { PageServerLoad } from './$types';

const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const NOT_FOUND = { message: 'Page not found', code: 'NOT_FOUND' };

export const load: PageServerLoad = async ({ params }) => {
  if (!ISO_WEEK.test(params.week)) error(404, NOT_FOUND);
  const { hub, config } = getPortal();
  const bulletin = await fromHub(() =>
    hub.bulletin({ week: params.week }).catch((cause: unknown) => {
      if (isProject52Off(cause)) return null;
      throw cause;
    }),
  );
  if (bulletin === null) error(404, NOT_FOUND);
  const { piece } = bulletin;
  return {
    week: bulletin.week,
    label: bulletin.label,
    status: bulletin.status,
    sentOn: bulletin.sentAt ? formatDate(bulletin.sentAt) : null,
    printUrl: `${config.hubPublicUrl}/bulletins/${bulletin.week}/print`,
    piece: {
      title: piece.title,
      partnerName: piece.partnerName,
      partnerHref: `/partners/${encodeURIComponent(piece.partnerId)}`,
      href: innovationPath(piece.partnerId, piece.recordId),
      summary: piece.summary,
      setting: piece.setting,
      kind: label(piece.kind),
      themes: piece.themes.map((theme) => ({ value: theme, label: label(theme) })),
    },
    alsoNew: {
      pieces: bulletin.alsoNew.pieces.map((item) => ({ ...item, href: portalPath(item.url) })),
      services: bulletin.alsoNew.services.map((item) => ({ ...item, href: portalPath(item.url) })),
    },
  };
};

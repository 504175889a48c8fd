import { getPortal } from '#lib/server/portal.js';
import { CONFIRM_ANSWERS, mailedLinkPage } from '../mailed-link.js';
import type { Actions, PageServerLoad } from './$types';

/** The confirmation link from the email: the reader's button confirms. */
const page = mailedLinkPage(CONFIRM_ANSWERS, 'subscriptions.confirm', (token) =>
  getPortal().hub.confirmSubscription({ token }),
);

export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;

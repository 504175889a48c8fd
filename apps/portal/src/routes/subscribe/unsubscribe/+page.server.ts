import { getPortal } from '#lib/server/portal.js';
import { mailedLinkPage, UNSUBSCRIBE_ANSWERS } from '../mailed-link.js';
import type { Actions, PageServerLoad } from './$types';

/** The unsubscribe link from a bulletin: the reader's button unsubscribes. */
const page = mailedLinkPage(UNSUBSCRIBE_ANSWERS, 'subscriptions.unsubscribe', (token) =>
  getPortal().hub.unsubscribe({ token }),
);

export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;

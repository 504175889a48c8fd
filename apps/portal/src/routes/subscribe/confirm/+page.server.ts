import { getPortal } from '#lib/server/portal.js';
import { CONFIRM_ANSWERS, unavailable } from '../mailed-link.js';
import type { Actions, PageServerLoad } from './$types';

const MAX_TOKEN = 512;

/**
 * The confirmation link from the email. Opening it changes nothing (mail scanners open links):
 * the page asks the reader to press a button, which confirms.
 */
export const load: PageServerLoad = ({ url, setHeaders }) => {
  setHeaders({ 'cache-control': 'no-store' });
  const token = url.searchParams.get('token') ?? '';
  return { token: token.length > 0 && token.length <= MAX_TOKEN ? token : null };
};

export const actions: Actions = {
  default: async ({ request }) => {
    const token = String((await request.formData()).get('token') ?? '');
    if (token.length === 0 || token.length > MAX_TOKEN) return { answer: CONFIRM_ANSWERS.invalid };
    try {
      const { outcome } = await getPortal().hub.confirmSubscription({ token });
      return { answer: CONFIRM_ANSWERS[outcome] };
    } catch (cause) {
      return { answer: unavailable(cause, 'subscriptions.confirm') };
    }
  },
};

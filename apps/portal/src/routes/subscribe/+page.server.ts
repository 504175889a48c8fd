import { fail } from '@sveltejs/kit';
import { getPortal } from '$lib/server/portal.js';
import { isProject52Off } from '$lib/server/project52.js';
import type { Actions, PageServerLoad } from './$types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ request }) => {
    const email = String((await request.formData()).get('email') ?? '').trim();
    if (!EMAIL.test(email) || email.length > 254) {
      return fail(400, { email, error: 'Enter an email address like name@example.org.' });
    }
    try {
      await getPortal().hub.subscribe({ email });
    } catch (cause) {
      if (isProject52Off(cause)) {
        return fail(503, {
          email,
          error:
            'The mailing list is not open just now. You can read every bulletin here, or follow the bulletin feed.',
        });
      }
      // The hub refuses only malformed addresses; anything else is a hub problem, said plainly.
      const refused = cause instanceof Error && 'code' in cause && cause.code === 'BAD_REQUEST';
      if (!refused) console.error('portal: subscriptions.request failed', cause);
      return fail(refused ? 400 : 503, {
        email,
        error: refused
          ? 'Enter an email address like name@example.org.'
          : 'We could not take your address just now. Please try again in a few minutes.',
      });
    }
    // The same answer whether or not the address was already on the list.
    return { sent: true };
  },
};

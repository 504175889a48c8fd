import { HubClient } from '@promise-global/sdk/client/hub';
import { fail } from '@sveltejs/kit';
import { getPortal } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';
import { forwardingFetch, subscribeFailure } from './subscribe-failure.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The reader's address, or none when adapter-node's ADDRESS_HEADER is set but missing. */
function clientAddress(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
  default: async ({ request, getClientAddress }) => {
    const email = String((await request.formData()).get('email') ?? '').trim();
    if (!EMAIL.test(email) || email.length > 254) {
      return fail(400, { email, error: 'Enter an email address like name@example.org.' });
    }
    // The hub limits requests per reader: it is told who the reader is (and believes it only
    // when this portal is one of its trusted proxies).
    const hub = new HubClient({
      baseUrl: getPortal().config.hubUrl,
      fetch: forwardingFetch(clientAddress(getClientAddress)),
    });
    try {
      await hub.subscribe({ email });
    } catch (cause) {
      const failure = subscribeFailure(cause);
      if (failure.log) console.error('portal: subscriptions.request failed', cause);
      return fail(failure.status, { email, error: failure.error });
    }
    // The same answer whether or not the address was already on the list.
    return { sent: true };
  },
};

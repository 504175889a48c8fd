import { HubClientError } from '@promise-global/sdk/client/hub';
import { error } from '@sveltejs/kit';

/**
 * Runs a hub call for a page: a refused input (a stale or edited cursor in a shared link) becomes
 * a 400 the reader can recover from; an unreachable hub becomes a 503 that says so.
 */
export async function fromHub<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    if (cause instanceof HubClientError && cause.code === 'BAD_REQUEST') {
      error(400, {
        message: 'That search link is not valid any more. Try the search again.',
        code: 'BAD_SEARCH',
      });
    }
    console.error('portal: hub call failed', cause);
    error(503, {
      message: 'The network’s index is not answering just now. Please try again in a minute.',
      code: 'HUB_UNAVAILABLE',
    });
  }
}

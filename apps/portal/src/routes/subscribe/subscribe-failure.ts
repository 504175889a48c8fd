import { HubClientError } from '@promise-global/sdk/client/hub';
import { isProject52Off } from '#lib/server/project52.js';

/** What the subscribe form shows when the hub did not take an address. */
export interface SubscribeFailure {
  status: 400 | 429 | 503;
  error: string;
  /** A hub problem worth logging (not a reader's mistake or a limit). */
  log: boolean;
}

/**
 * Maps a failed `subscriptions.request` to the reader's words: a malformed address, too many
 * requests from this reader (the hub's per-client limit), Project 52 off, or a hub problem.
 */
export function subscribeFailure(cause: unknown): SubscribeFailure {
  if (isProject52Off(cause)) {
    return {
      status: 503,
      log: false,
      error:
        'The mailing list is not open just now. You can read every bulletin here, or follow the bulletin feed.',
    };
  }
  const code = cause instanceof HubClientError ? cause.code : undefined;
  if (code === 'TOO_MANY_REQUESTS') {
    return {
      status: 429,
      log: false,
      error:
        'We have had a lot of sign-ups from your connection just now. Please wait a while and try again; if you already asked, check your email for our link.',
    };
  }
  if (code === 'BAD_REQUEST') {
    return { status: 400, log: false, error: 'Enter an email address like name@example.org.' };
  }
  return {
    status: 503,
    log: true,
    error: 'We could not take your address just now. Please try again in a few minutes.',
  };
}

export { forwardingFetch } from '#lib/server/forwarding-fetch.js';

import type {
  Project52ConfirmOutcome,
  Project52UnsubscribeOutcome,
} from '@promise-global/sdk/client/hub';
import { isProject52Off } from '#lib/server/project52.js';

/** What a page about a mailed link says: a heading, a sentence, and whether to offer the form again. */
export interface LinkAnswer {
  outcome: Project52ConfirmOutcome | Project52UnsubscribeOutcome | 'unavailable';
  title: string;
  text: string;
  /** Offer the subscribe form (the link expired, or does not work). */
  subscribeAgain: boolean;
  tone: 'success' | 'info' | 'warning';
}

const BROKEN: LinkAnswer = {
  outcome: 'invalid',
  title: 'This link does not work',
  text: 'It may have been copied incompletely from the email, or the address has left the list since. Subscribe again and we will send a new link.',
  subscribeAgain: true,
  tone: 'warning',
};

export const CONFIRM_ANSWERS: Record<Project52ConfirmOutcome, LinkAnswer> = {
  confirmed: {
    outcome: 'confirmed',
    title: 'You are subscribed',
    text: 'The Project 52 bulletin will reach you once a week. Every email has a one-click unsubscribe link.',
    subscribeAgain: false,
    tone: 'success',
  },
  already_confirmed: {
    outcome: 'already_confirmed',
    title: 'You are already subscribed',
    text: 'This link was used before, so nothing has changed: the bulletin reaches you once a week.',
    subscribeAgain: false,
    tone: 'info',
  },
  expired: {
    outcome: 'expired',
    title: 'This link has expired',
    text: 'Confirmation links work for a few days. Subscribe again and we will send a new one.',
    subscribeAgain: true,
    tone: 'warning',
  },
  invalid: BROKEN,
};

export const UNSUBSCRIBE_ANSWERS: Record<Project52UnsubscribeOutcome, LinkAnswer> = {
  unsubscribed: {
    outcome: 'unsubscribed',
    title: 'You are unsubscribed',
    text: 'No more Project 52 bulletins will be sent to this address. You can still read every bulletin here.',
    subscribeAgain: false,
    tone: 'success',
  },
  expired: {
    outcome: 'expired',
    title: 'This unsubscribe link has expired',
    text: 'Unsubscribe links work for 60 days after their bulletin was sent, so a forwarded bulletin cannot unsubscribe its first reader for ever. Use the link in your latest bulletin.',
    subscribeAgain: false,
    tone: 'warning',
  },
  invalid: {
    ...BROKEN,
    subscribeAgain: false,
    text: 'It may have been copied incompletely from the email. Use the link in your latest bulletin.',
  },
};

/** The hub could not answer (or does not run Project 52 now). */
export function unavailable(cause: unknown, call: string): LinkAnswer {
  if (!isProject52Off(cause)) console.error(`portal: ${call} failed`, cause);
  return {
    outcome: 'unavailable',
    title: 'We could not check this link just now',
    text: 'The mailing list is not answering. Please open the link again in a few minutes: it keeps working until it expires.',
    subscribeAgain: false,
    tone: 'warning',
  };
}

const MAX_TOKEN = 512;

/**
 * A mailed link's page: opening it changes nothing (mail scanners open links); the page asks the
 * reader to press a button, whose form action calls the hub with the link's token.
 */
export function mailedLinkPage<Outcome extends string>(
  answers: Record<Outcome, LinkAnswer> & { invalid: LinkAnswer },
  call: string,
  ask: (token: string) => Promise<{ outcome: NoInfer<Outcome> }>,
) {
  const usable = (token: string) => token.length > 0 && token.length <= MAX_TOKEN;
  return {
    load: ({
      url,
      setHeaders,
    }: {
      url: URL;
      setHeaders: (headers: Record<string, string>) => void;
    }) => {
      setHeaders({ 'cache-control': 'no-store' });
      const token = url.searchParams.get('token') ?? '';
      return { token: usable(token) ? token : null };
    },
    actions: {
      default: async ({ request }: { request: Request }) => {
        const token = String((await request.formData()).get('token') ?? '');
        if (!usable(token)) return { answer: answers.invalid };
        try {
          return { answer: answers[(await ask(token)).outcome] };
        } catch (cause) {
          return { answer: unavailable(cause, call) };
        }
      },
    },
  };
}

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Subscriber, SubscriberStore } from './subscribers.js';
import {
  confirmationToken,
  tokenSubscriberId,
  unsubscribeToken,
  verifyConfirmationToken,
  verifyUnsubscribeToken,
} from './tokens.js';

export class MailingError extends Error {
  constructor(
    readonly code: 'ADDRESS_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'MailingError';
  }
}

export interface MailingLinks {
  secret: string;
  /** Builds the confirmation page URL for a token (the hub's route). */
  confirmUrl: (token: string) => string;
  /**
   * Builds the one-click unsubscribe URL for a token: the hub's route, for `List-Unsubscribe`
   * (RFC 8058: mail clients POST to it); GET shows a button, POST acts.
   */
  unsubscribeUrl: (token: string) => string;
  /**
   * Builds the unsubscribe page a reader opens from the bulletin's text (the portal's page, in its
   * design); the one-click URL when absent.
   */
  unsubscribePageUrl?: (token: string) => string;
}

export interface ConfirmationEmail {
  to: string;
  subject: string;
  text: string;
}

const Address = z.email().max(254);

/** Trimmed and lower-cased, so one person cannot be subscribed twice by case. */
export function normaliseAddress(raw: string): string {
  const address = raw.trim().toLowerCase();
  if (!Address.safeParse(address).success)
    throw new MailingError('ADDRESS_INVALID', 'That does not look like an email address');
  return address;
}

/**
 * Starts a double opt-in: records the address as pending (or keeps it confirmed) and returns
 * the confirmation email to send, or null when the address is already confirmed. The caller
 * answers every request the same way, so the form never reveals who is subscribed.
 */
export async function requestSubscription(
  store: SubscriberStore,
  links: MailingLinks,
  rawAddress: string,
  now: Date,
  confirmTtlMs: number,
): Promise<ConfirmationEmail | null> {
  const address = normaliseAddress(rawAddress);
  const existing = await store.findByAddress(address);
  if (existing?.state === 'confirmed') {
    // The same write as for a new address, so both answer in the same time.
    await store.save(existing);
    return null;
  }
  const subscriber: Subscriber = {
    id: existing?.id ?? randomUUID(),
    address,
    state: 'pending',
    subscribedAt: now.toISOString(),
    confirmedAt: null,
    unsubscribedAt: null,
  };
  await store.save(subscriber);
  const expiresAt = new Date(now.getTime() + confirmTtlMs);
  const url = links.confirmUrl(confirmationToken(links.secret, subscriber, expiresAt));
  return {
    to: address,
    subject: 'Confirm your Project 52 subscription',
    text: [
      'Someone, hopefully you, asked to receive the PROMISE Network Project 52 bulletin: one frontline mental-health innovation a week.',
      '',
      `To confirm, open this link before ${expiresAt.toUTCString()}:`,
      url,
      '',
      'If this was not you, ignore this email: nothing will be sent.',
      '',
    ].join('\n'),
  };
}

async function subscriberFor(
  store: SubscriberStore,
  token: string,
): Promise<Subscriber | undefined> {
  const id = tokenSubscriberId(token);
  return id === null ? undefined : store.get(id);
}

export type ConfirmOutcome = 'confirmed' | 'already_confirmed' | 'expired' | 'invalid';

/**
 * The confirmation link: a valid, unexpired token confirms the address; opened again it changes
 * nothing and says the address was already confirmed.
 */
export async function confirmSubscription(
  store: SubscriberStore,
  secret: string,
  token: string,
  now: Date,
): Promise<ConfirmOutcome> {
  const subscriber = await subscriberFor(store, token);
  if (subscriber === undefined) return 'invalid';
  const verdict = verifyConfirmationToken(secret, token, subscriber, now);
  if (verdict !== 'valid') return verdict;
  if (subscriber.state === 'unsubscribed' || subscriber.state === 'bounced') return 'invalid';
  if (subscriber.state === 'confirmed') return 'already_confirmed';
  await store.save({ ...subscriber, state: 'confirmed', confirmedAt: now.toISOString() });
  return 'confirmed';
}

export type UnsubscribeOutcome = 'unsubscribed' | 'expired' | 'invalid';

/**
 * One-click unsubscribe (RFC 8058): idempotent, and valid until the link expires (a forwarded
 * bulletin stops being a way to unsubscribe its first reader); each new bulletin has a new link.
 */
export async function unsubscribe(
  store: SubscriberStore,
  secret: string,
  token: string,
  now: Date,
): Promise<UnsubscribeOutcome> {
  const subscriber = await subscriberFor(store, token);
  if (subscriber === undefined) return 'invalid';
  const verdict = verifyUnsubscribeToken(secret, token, subscriber, now);
  if (verdict !== 'valid') return verdict;
  if (subscriber.state === 'confirmed' || subscriber.state === 'pending') {
    await store.save({ ...subscriber, state: 'unsubscribed', unsubscribedAt: now.toISOString() });
  }
  return 'unsubscribed';
}

/** The one-click unsubscribe link (`List-Unsubscribe`) in a bulletin sent at `sentAt`. */
export function unsubscribeLink(links: MailingLinks, subscriber: Subscriber, sentAt: Date): string {
  return unsubscribeLinks(links, subscriber, sentAt).oneClick;
}

/**
 * A bulletin's two unsubscribe links, with one token: `oneClick` for mail clients
 * (`List-Unsubscribe`), `page` for the reader (the portal's page when it is configured).
 */
export function unsubscribeLinks(
  links: MailingLinks,
  subscriber: Subscriber,
  sentAt: Date,
): { oneClick: string; page: string } {
  const token = unsubscribeToken(links.secret, subscriber, sentAt);
  const oneClick = links.unsubscribeUrl(token);
  return { oneClick, page: links.unsubscribePageUrl?.(token) ?? oneClick };
}

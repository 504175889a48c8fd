import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Mailing-list tokens: HMAC-SHA256 with the hub's mailing secret. Only the hub issues and checks
 * them, so a shared secret is enough; the hub's Ed25519 key signs federation statements and is
 * kept to that one purpose. Tokens carry the subscriber id, never the address: the MAC covers
 * the address (looked up by id), so a token stops working if the address behind the id changes.
 * Both kinds expire: `<id>.<expiry seconds>.<mac>`.
 */
const CONFIRM = 'promise-p52-confirm-v1';
// v2: unsubscribe tokens expire, since bulletins are forwarded (v1 tokens never did and are refused).
const UNSUBSCRIBE = 'promise-p52-unsubscribe-v2';

/** How long the unsubscribe link in a bulletin works: long enough for the next bulletins to arrive. */
export const UNSUBSCRIBE_LINK_DAYS = 60;

export interface TokenSubject {
  id: string;
  address: string;
}

export type TokenVerdict = 'valid' | 'expired' | 'invalid';

function mac(secret: string, purpose: string, parts: readonly string[]): string {
  return createHmac('sha256', secret)
    .update([purpose, ...parts].join('\n'))
    .digest('base64url');
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function issue(secret: string, purpose: string, subject: TokenSubject, expiresAt: Date): string {
  const expiry = String(Math.floor(expiresAt.getTime() / 1000));
  return `${subject.id}.${expiry}.${mac(secret, purpose, [subject.id, subject.address, expiry])}`;
}

function verify(
  secret: string,
  purpose: string,
  token: string,
  subject: TokenSubject,
  now: Date,
): TokenVerdict {
  const [id, expiry, given, extra] = token.split('.');
  if (
    id !== subject.id ||
    expiry === undefined ||
    given === undefined ||
    extra !== undefined ||
    !/^\d{1,12}$/.test(expiry)
  )
    return 'invalid';
  if (!same(given, mac(secret, purpose, [subject.id, subject.address, expiry]))) return 'invalid';
  return Number(expiry) * 1000 > now.getTime() ? 'valid' : 'expired';
}

/** The subscriber id a token names (before any check), or null when it is not a token at all. */
export function tokenSubscriberId(token: string): string | null {
  const id = token.split('.')[0];
  return id !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

/** The double opt-in link's token. */
export function confirmationToken(secret: string, subject: TokenSubject, expiresAt: Date): string {
  return issue(secret, CONFIRM, subject, expiresAt);
}

export function verifyConfirmationToken(
  secret: string,
  token: string,
  subject: TokenSubject,
  now: Date,
): TokenVerdict {
  return verify(secret, CONFIRM, token, subject, now);
}

/** The one-click unsubscribe token of a bulletin sent at `sentAt`: it works for {@link UNSUBSCRIBE_LINK_DAYS}. */
export function unsubscribeToken(secret: string, subject: TokenSubject, sentAt: Date): string {
  return issue(secret, UNSUBSCRIBE, subject, unsubscribeExpiry(sentAt));
}

export function unsubscribeExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000);
}

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
  subject: TokenSubject,
  now: Date,
): TokenVerdict {
  return verify(secret, UNSUBSCRIBE, token, subject, now);
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Mailing-list tokens: HMAC-SHA256 with the hub's mailing secret. Only the hub issues and checks
 * them, so a shared secret is enough; the hub's Ed25519 key signs federation statements and is
 * kept to that one purpose. Tokens carry the subscriber id, never the address: the MAC covers
 * the address (looked up by id), so a token stops working if the address behind the id changes.
 */
const CONFIRM = 'promise-p52-confirm-v1';
const UNSUBSCRIBE = 'promise-p52-unsubscribe-v1';

export interface TokenSubject {
  id: string;
  address: string;
}

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

/** The double opt-in link's token: `<id>.<expiry seconds>.<mac>`. */
export function confirmationToken(
  secret: string,
  subscriber: TokenSubject,
  expiresAt: Date,
): string {
  const expiry = String(Math.floor(expiresAt.getTime() / 1000));
  return `${subscriber.id}.${expiry}.${mac(secret, CONFIRM, [subscriber.id, subscriber.address, expiry])}`;
}

/** The subscriber id a token names (before any check), or null when it is not a token at all. */
export function tokenSubscriberId(token: string): string | null {
  const id = token.split('.')[0];
  return id !== undefined && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null;
}

export function verifyConfirmationToken(
  secret: string,
  token: string,
  subscriber: TokenSubject,
  now: Date,
): 'valid' | 'expired' | 'invalid' {
  const [id, expiry, given, extra] = token.split('.');
  if (
    id !== subscriber.id ||
    expiry === undefined ||
    given === undefined ||
    extra !== undefined ||
    !/^\d{1,12}$/.test(expiry)
  )
    return 'invalid';
  if (!same(given, mac(secret, CONFIRM, [subscriber.id, subscriber.address, expiry])))
    return 'invalid';
  return Number(expiry) * 1000 > now.getTime() ? 'valid' : 'expired';
}

/** The one-click unsubscribe token, `<id>.<mac>`: it does not expire, since old emails must keep working. */
export function unsubscribeToken(secret: string, subscriber: TokenSubject): string {
  return `${subscriber.id}.${mac(secret, UNSUBSCRIBE, [subscriber.id, subscriber.address])}`;
}

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
  subscriber: TokenSubject,
): boolean {
  const [id, given, extra] = token.split('.');
  return (
    id === subscriber.id &&
    given !== undefined &&
    extra === undefined &&
    same(given, mac(secret, UNSUBSCRIBE, [subscriber.id, subscriber.address]))
  );
}

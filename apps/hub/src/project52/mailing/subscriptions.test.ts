import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemorySubscriberStore } from '../test-support/memory-stores.js';
import {
  confirmSubscription,
  MailingError,
  type MailingLinks,
  requestSubscription,
  unsubscribe,
  unsubscribeLink,
} from './subscriptions.js';
import {
  confirmationToken,
  UNSUBSCRIBE_LINK_DAYS,
  verifyConfirmationToken,
  verifyUnsubscribeToken,
} from './tokens.js';

const SECRET = 'test-mailing-secret-0123456789abcdef';
const links: MailingLinks = {
  secret: SECRET,
  confirmUrl: (token) => `https://hub.example.org/project52/confirm?token=${token}`,
  unsubscribeUrl: (token) => `https://hub.example.org/project52/unsubscribe?token=${token}`,
};
const DAY = 86_400_000;
const now = new Date('2026-09-01T10:00:00Z');

function tokenIn(text: string): string {
  return (
    new URL(/https:\/\/\S+/.exec(text)?.[0] ?? 'https://invalid').searchParams.get('token') ?? ''
  );
}

describe('double opt-in', () => {
  it('confirms an address only through the signed link, before it expires', async () => {
    const store = new MemorySubscriberStore();
    const email = await requestSubscription(store, links, '  Reader@Example.org ', now, 2 * DAY);
    expect(email?.to).toBe('reader@example.org');
    expect(await store.confirmed()).toEqual([]);
    const token = tokenIn(email?.text ?? '');
    expect(token).not.toContain('example.org');
    expect(await confirmSubscription(store, SECRET, token, new Date(now.getTime() + 3 * DAY))).toBe(
      'expired',
    );
    expect(
      await confirmSubscription(store, 'another-secret-0123456789abcdef0123', token, now),
    ).toBe('invalid');
    expect(await confirmSubscription(store, SECRET, `${token}x`, now)).toBe('invalid');
    expect(await confirmSubscription(store, SECRET, token, new Date(now.getTime() + DAY))).toBe(
      'confirmed',
    );
    // Opened again (a second click, a mail scanner): nothing changes, and the page can say so.
    expect(await confirmSubscription(store, SECRET, token, new Date(now.getTime() + DAY))).toBe(
      'already_confirmed',
    );
    const [confirmed] = await store.confirmed();
    expect(confirmed).toMatchObject({
      address: 'reader@example.org',
      state: 'confirmed',
      confirmedAt: '2026-09-02T10:00:00.000Z',
    });
    // Asking again for a confirmed address sends nothing, and the caller answers the same way.
    expect(await requestSubscription(store, links, 'reader@example.org', now, DAY)).toBeNull();
  });

  it('refuses what is not an email address', async () => {
    await expect(
      requestSubscription(new MemorySubscriberStore(), links, 'not an address', now, DAY),
    ).rejects.toBeInstanceOf(MailingError);
  });

  it('binds tokens to the address behind the id', () => {
    const subscriber = { id: 'abc', address: 'reader@example.org' };
    const token = confirmationToken(SECRET, subscriber, new Date(now.getTime() + DAY));
    expect(verifyConfirmationToken(SECRET, token, subscriber, now)).toBe('valid');
    expect(
      verifyConfirmationToken(SECRET, token, { ...subscriber, address: 'other@example.org' }, now),
    ).toBe('invalid');
    const forgedExpiry = token.replace(
      /\.(\d+)\./,
      (_m, expiry: string) => `.${Number(expiry) + 1000}.`,
    );
    expect(verifyConfirmationToken(SECRET, forgedExpiry, subscriber, now)).toBe('invalid');
  });
});

describe('one-click unsubscribe', () => {
  it('unsubscribes with the link from any email, idempotently, and re-subscribing needs a new confirmation', async () => {
    const store = new MemorySubscriberStore();
    const email = await requestSubscription(store, links, 'reader@example.org', now, DAY);
    await confirmSubscription(store, SECRET, tokenIn(email?.text ?? ''), now);
    const [subscriber] = await store.confirmed();
    if (subscriber === undefined) throw new Error('subscriber not confirmed');
    const token = new URL(unsubscribeLink(links, subscriber, now)).searchParams.get('token') ?? '';
    expect(verifyUnsubscribeToken(SECRET, token, subscriber, now)).toBe('valid');
    expect(await unsubscribe(store, SECRET, token, now)).toBe('unsubscribed');
    expect(await unsubscribe(store, SECRET, token, now)).toBe('unsubscribed');
    expect(await store.confirmed()).toEqual([]);
    expect(await confirmSubscription(store, SECRET, tokenIn(email?.text ?? ''), now)).toBe(
      'invalid',
    );
    const again = await requestSubscription(store, links, 'reader@example.org', now, DAY);
    expect(again).not.toBeNull();
    expect(await confirmSubscription(store, SECRET, tokenIn(again?.text ?? ''), now)).toBe(
      'confirmed',
    );
  });
});

describe('unsubscribe links in forwarded bulletins', () => {
  it('stop working a stated time after the bulletin was sent, and cannot be stretched', async () => {
    const store = new MemorySubscriberStore();
    const email = await requestSubscription(store, links, 'reader@example.org', now, DAY);
    await confirmSubscription(store, SECRET, tokenIn(email?.text ?? ''), now);
    const [subscriber] = await store.confirmed();
    if (subscriber === undefined) throw new Error('subscriber not confirmed');
    const sentAt = now;
    const link = unsubscribeLink(links, subscriber, sentAt);
    const token = new URL(link).searchParams.get('token') ?? '';
    const after = (days: number) => new Date(sentAt.getTime() + days * DAY);
    expect(UNSUBSCRIBE_LINK_DAYS).toBe(60);
    expect(await unsubscribe(store, SECRET, token, after(UNSUBSCRIBE_LINK_DAYS + 1))).toBe(
      'expired',
    );
    expect(await store.confirmed()).toHaveLength(1);
    // A later expiry written into the token breaks its MAC.
    const stretched = token.replace(
      /\.(\d+)\./,
      (_m, expiry: string) => `.${Number(expiry) + 365 * 86_400}.`,
    );
    expect(await unsubscribe(store, SECRET, stretched, after(UNSUBSCRIBE_LINK_DAYS + 1))).toBe(
      'invalid',
    );
    // The never-expiring form of older bulletins (`<id>.<mac>`) is not accepted.
    const legacy = `${subscriber.id}.${createHmac('sha256', SECRET)
      .update(['promise-p52-unsubscribe-v1', subscriber.id, subscriber.address].join('\n'))
      .digest('base64url')}`;
    expect(await unsubscribe(store, SECRET, legacy, now)).toBe('invalid');
    expect(await unsubscribe(store, SECRET, token, after(UNSUBSCRIBE_LINK_DAYS - 1))).toBe(
      'unsubscribed',
    );
  });
});

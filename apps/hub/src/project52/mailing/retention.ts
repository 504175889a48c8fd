/**
 * How long the mailing list keeps an address it no longer mails (docs/data-protection.md):
 * a confirmation link lives at most a few days, so an address never confirmed within a week
 * is deleted; an address that unsubscribed or bounced is kept a month (so a late bulletin run or
 * a complaint can still be answered), then deleted.
 */
export const RETENTION = Object.freeze({ pendingDays: 7, leftDays: 30 });

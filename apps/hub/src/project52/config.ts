import { SmtpConfig } from '@promise-global/operations';
import { z } from 'zod';
import { type IsoWeek, isIsoWeek } from './schedule/iso-week.js';

const IsoWeekString = z
  .string()
  .refine(isIsoWeek, 'must be an ISO week such as 2027-W01')
  .transform((value) => value as IsoWeek);

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Project 52 settings, for the hub's config to embed under `project52`. */
export const Project52Config = z.object({
  /** The first week pieces may run in. */
  programmeStart: IsoWeekString,
  send: z
    .object({
      /** ISO weekday, 1 = Monday. */
      weekday: z.number().int().min(1).max(7).default(1),
      time: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
        .default('09:00'),
      timeZone: z
        .string()
        .refine(validTimeZone, 'must be an IANA time zone such as Europe/London')
        .default('Europe/London'),
      /** How late a missed send (the hub was down) may still go out, once. */
      catchUpHours: z.number().positive().max(167).default(72),
    })
    .default({ weekday: 1, time: '09:00', timeZone: 'Europe/London', catchUpHours: 72 }),
  mailing: z.object({
    /** HMAC key for confirmation and unsubscribe tokens: at least 32 characters, kept secret. */
    secret: z.string().min(32),
    from: z.string().min(3),
    /** At most a week: addresses never confirmed are deleted after seven days. */
    confirmTtlHours: z
      .number()
      .positive()
      .max(7 * 24)
      .default(72),
    /**
     * The mailbox in each bulletin's `List-Unsubscribe: <mailto:…>` (RFC 2369), for mail clients
     * that unsubscribe by email; defaults to the `from` address. Its mail is for the operator.
     */
    unsubscribeMailbox: z.email().optional(),
    smtp: SmtpConfig,
  }),
});
export type Project52ConfigInput = z.input<typeof Project52Config>;
export type Project52Config = z.output<typeof Project52Config>;

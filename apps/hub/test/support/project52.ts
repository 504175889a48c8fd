import type { HubConfigInput } from '../../src/config/config.js';
import { isoWeekOf } from '../../src/project52/schedule/iso-week.js';

export const MAILING_SECRET = 'test-mailing-secret-0123456789abcdef';

/**
 * Project 52 settings whose weekly send time fell one minute ago (UTC), so this week is due now
 * and the programme starts this week. Without `smtpPort` the hub sends nothing.
 */
export function project52Config(smtpPort?: number): NonNullable<HubConfigInput['project52']> {
  const sendAt = new Date(Date.now() - 60_000);
  const weekday = sendAt.getUTCDay() === 0 ? 7 : sendAt.getUTCDay();
  const time = `${String(sendAt.getUTCHours()).padStart(2, '0')}:${String(sendAt.getUTCMinutes()).padStart(2, '0')}`;
  return {
    programmeStart: isoWeekOf(sendAt),
    portalUrl: 'https://portal.example.org',
    send: { weekday, time, timeZone: 'UTC', catchUpHours: 72 },
    mailing: {
      secret: MAILING_SECRET,
      from: '"PROMISE Network Project 52" <project52@example.org>',
      ...(smtpPort === undefined
        ? {}
        : { smtp: { host: '127.0.0.1', port: smtpPort, security: 'none' as const } }),
    },
  };
}

/** The ISO week `offset` weeks after the one whose send time just passed. */
export function weekFromNow(offset: number): string {
  const week = isoWeekOf(new Date(Date.now() - 60_000 + offset * 7 * 86_400_000));
  return week;
}

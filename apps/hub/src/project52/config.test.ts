import { SmtpConfig } from '@promise-global/operations';
import { describe, expect, it } from 'vitest';
import { Project52Config } from './config.js';

const mailing = {
  secret: 'test-mailing-secret-0123456789abcdef',
  from: 'project52@hub.example.org',
  smtp: { host: 'smtp.example.org' },
};

describe('Project 52 configuration', () => {
  it('fills defaults: Monday 09:00 London, STARTTLS on 587, a 72-hour catch-up', () => {
    const config = Project52Config.parse({ programmeStart: '2027-W01', mailing });
    expect(config.send).toEqual({
      weekday: 1,
      time: '09:00',
      timeZone: 'Europe/London',
      catchUpHours: 72,
    });
    expect(config.mailing.smtp).toMatchObject({
      port: 587,
      security: 'starttls',
      rejectUnauthorized: true,
    });
  });

  it('names each bad field: week 53 of a 52-week year, an unknown zone, a bad time, a short secret', () => {
    const result = Project52Config.safeParse({
      programmeStart: '2027-W53',
      send: { timeZone: 'Mars/Olympus_Mons', time: '25:00' },
      mailing: { ...mailing, secret: 'short' },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['mailing.secret', 'programmeStart', 'send.time', 'send.timeZone']);
  });

  it('refuses SMTP credentials without TLS', () => {
    const result = SmtpConfig.safeParse({
      host: 'smtp.example.org',
      security: 'none',
      auth: { user: 'hub', pass: 'secret' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['auth']);
  });
});

import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { z } from 'zod';

/** How a node or hub reaches its mail server (the hub's bulletins, the node's review digest). */
export const SmtpConfig = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(587),
    /** `tls`: implicit TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: loopback tests only. */
    security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
    auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
    /** Verify the server's certificate (leave on outside tests). */
    rejectUnauthorized: z.boolean().default(true),
    connectionTimeoutMs: z.number().int().positive().default(10_000),
    socketTimeoutMs: z.number().int().positive().default(30_000),
  })
  .refine((config) => config.security !== 'none' || config.auth === undefined, {
    message: 'SMTP credentials must not be sent without TLS: set security to "tls" or "starttls"',
    path: ['auth'],
  });
export type SmtpConfig = z.output<typeof SmtpConfig>;
export type SmtpConfigInput = z.input<typeof SmtpConfig>;

export type SmtpTransport = Transporter<SMTPTransport.SentMessageInfo>;

/** One pooled SMTP connection: recipients go one at a time, so at most one send is ever in flight. */
export function createSmtpTransport(input: SmtpConfigInput): SmtpTransport {
  const config = SmtpConfig.parse(input);
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.auth ? { auth: config.auth } : {}),
    tls: { rejectUnauthorized: config.rejectUnauthorized },
    pool: true,
    maxConnections: 1,
    connectionTimeout: config.connectionTimeoutMs,
    socketTimeout: config.socketTimeoutMs,
  });
}

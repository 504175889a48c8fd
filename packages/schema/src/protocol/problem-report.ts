import * as z from 'zod/mini';
import { EmailAddress, Slug } from '../primitives.js';
import { EntityUrl, NumericDate } from './common.js';

/** What a reader says is wrong with a listing (the portal's short list). */
export const PROBLEM_KINDS = [
  'wrong_phone',
  'wrong_hours',
  'service_closed',
  'wrong_address',
  'other',
] as const;
export const ProblemKind = z.enum(PROBLEM_KINDS);
export type ProblemKind = z.infer<typeof ProblemKind>;

/** The longest free-text description of a problem, in characters. */
export const MAX_PROBLEM_DETAILS = 1000;

/**
 * A reader's report of a problem with one service listing. Never published in any feed: the hub
 * passes it to the node that owns the service, which keeps it in its workspace inbox.
 */
export const ProblemReport = z.object({
  /** The hub's id for the report (a UUID): the node stores one report once, however often delivered. */
  id: z.uuid(),
  partnerId: Slug,
  serviceId: z.string().check(z.minLength(1), z.maxLength(200)),
  kind: ProblemKind,
  details: z.string().check(z.maxLength(MAX_PROBLEM_DETAILS)),
  /** Where the reader would like an answer; deleted by the node when the report is resolved. */
  replyTo: z.optional(EmailAddress),
  /** When the hub took the report (ISO 8601). */
  receivedAt: z.iso.datetime({ offset: true }),
});
export type ProblemReport = z.infer<typeof ProblemReport>;

/**
 * The claims of a problem-report delivery (§8.4): the hub (`iss`) hands one report to the node
 * that owns the listing (`aud`), signed with the hub's key. Short-lived.
 */
export const ProblemReportDelivery = z.object({
  iss: EntityUrl,
  aud: EntityUrl,
  iat: NumericDate,
  exp: NumericDate,
  report: ProblemReport,
});
export type ProblemReportDelivery = z.infer<typeof ProblemReportDelivery>;

/** What a hub passes to `signProblemReport`; the signer fills `iat` and `exp` when absent. */
export type ProblemReportDeliveryInput = Omit<ProblemReportDelivery, 'iat' | 'exp'> & {
  iat?: number;
  exp?: number;
};

import { z } from 'zod';

/**
 * A national number to fall back on: an emergency service, a crisis line, a text line. Looser
 * than a listing's phone (911, 988 and 85258 are real numbers people are told to use).
 */
export const NationalHelpline = z.object({
  /** "Emergency services", "NHS 111", "Samaritans", "Shout". */
  name: z.string().trim().min(1).max(80),
  number: z
    .string()
    .trim()
    .regex(/^\+?\d(?: ?\d){1,16}$/, 'Use digits with single spaces, e.g. 116 123 or +1 988'),
  /** `voice` (a call) or `text` (an SMS): decides the link and its label. */
  type: z.enum(['voice', 'text']).default('voice'),
  /** A short note: "choose option 2 for mental health", "free, 24 hours". */
  description: z.string().trim().min(1).max(160).optional(),
  /** An emergency number (999, 911): shown first and marked as such. */
  emergency: z.boolean().default(false),
});
export type NationalHelpline = z.output<typeof NationalHelpline>;

/** Numbers per country (ISO 3166-1 alpha-2, upper case), in the order the operator lists them. */
export const NationalHelplines = z
  .record(
    z.string().regex(/^[A-Z]{2}$/, 'Use an ISO 3166-1 alpha-2 country code, e.g. GB'),
    z.array(NationalHelpline).max(12),
  )
  .default({});

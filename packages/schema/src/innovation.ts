import { z } from 'zod';
import { EmailAddress, IsoDateTime, Slug, text, Uuid } from './primitives.js';
import { cleanText } from './text-hygiene.js';
import {
  EVIDENCE_LEVELS,
  INNOVATION_KINDS,
  INNOVATION_STATUSES,
  INNOVATION_THEMES,
} from './vocabularies.js';
import { countWords, WORD_LIMIT } from './word-count.js';

/** The Markdown body: about 500 words, refused above {@link WORD_LIMIT} (see `countWords`). */
export const InnovationBody = cleanText(z.string().trim().min(1).max(20_000))
  .refine((body) => countWords(body) <= WORD_LIMIT, {
    message: `The piece is longer than ${WORD_LIMIT} words; Project 52 pieces fit one side of A4 (about 500 words)`,
  })
  .describe(`Markdown, about 500 words; refused above ${WORD_LIMIT} words`);

export const InnovationContact = z.object({
  role: text(120).describe('A role, not a person: e.g. "Crisis team manager"'),
  email: EmailAddress,
});

const innovationFields = {
  title: text(200),
  summary: text(280),
  body: InnovationBody,
  kind: z.enum(INNOVATION_KINDS),
  themes: z.array(z.enum(INNOVATION_THEMES)).min(1).max(5),
  setting: text(200).describe('Where it happens, e.g. "Community crisis team"'),
  evidenceLevel: z.enum(EVIDENCE_LEVELS),
  outcomes: text(2000).optional(),
  contact: InnovationContact,
  relatedServiceIds: z.array(Uuid).max(20).default([]),
  licence: text(64).default('CC-BY-4.0'),
};

/** What an author writes; the node assigns identity, status and dates. */
export const InnovationInput = z.object(innovationFields).meta({ id: 'InnovationInput' });

/** A Project 52 write-up: one idea, innovation, initiative or finding, about 500 words. */
export const Innovation = z
  .object({
    id: Uuid,
    partnerId: Slug,
    ...innovationFields,
    status: z.enum(INNOVATION_STATUSES),
    submittedAt: IsoDateTime.optional(),
    publishedAt: IsoDateTime.optional(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Innovation', title: 'Innovation' });

export type InnovationInput = z.input<typeof InnovationInput>;
export type Innovation = z.infer<typeof Innovation>;

import * as z from 'zod/mini';
import { EmailAddress, IsoDateTime, Slug, text, Uuid } from './primitives.js';
import { cleanText } from './text-hygiene.js';
import {
  EVIDENCE_LEVELS,
  INNOVATION_KINDS,
  INNOVATION_STATUSES,
  INNOVATION_THEMES,
} from './vocabularies.js';
import { countWords, pieceWordCount, WORD_LIMIT } from './word-count.js';

/** The Markdown body: about 500 words, refused above {@link WORD_LIMIT} (see `countWords`). */
export const InnovationBody = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(20_000),
  ...cleanText(),
  z.refine((body) => countWords(body) <= WORD_LIMIT, {
    message: `The piece is longer than ${WORD_LIMIT} words; Project 52 pieces fit one side of A4 (about 500 words)`,
  }),
  z.describe(`Markdown, about 500 words; refused above ${WORD_LIMIT} words`),
);

export const InnovationContact = z.object({
  role: text(120).check(z.describe('A role, not a person: e.g. "Crisis team manager"')),
  email: EmailAddress,
});

const SECTION_TEXT = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(10_000), ...cleanText());

/** A resource a reader can follow to adopt the piece: a title and an https address. */
export const CaseStudyResource = z.object({
  title: text(200),
  url: z
    .url({ protocol: /^https$/, error: 'Use a web address starting with https://' })
    .check(z.maxLength(2048), z.regex(/^https:\/\//i, 'Use a web address starting with https://')),
});

/**
 * The optional sections of a structured case study (schema 1.1), each Markdown. They count with
 * the body towards the same word limit ({@link pieceWordCount}).
 */
export const CaseStudy = z.object({
  problem: z.optional(SECTION_TEXT),
  whatWeDid: z.optional(SECTION_TEXT),
  whatChanged: z.optional(SECTION_TEXT),
  howToAdopt: z.optional(SECTION_TEXT),
  resources: z.optional(z.array(CaseStudyResource).check(z.maxLength(5))),
});
export type CaseStudy = z.infer<typeof CaseStudy>;

const withinWordLimit = z.refine<{ body: string; caseStudy?: CaseStudy | undefined }>(
  (piece) => piece.caseStudy === undefined || pieceWordCount(piece) <= WORD_LIMIT,
  {
    message: `The piece with its case-study sections is longer than ${WORD_LIMIT} words; Project 52 pieces fit one side of A4 (about 500 words)`,
    path: ['caseStudy'],
  },
);

const innovationFields = {
  title: text(200),
  summary: text(280),
  body: InnovationBody,
  kind: z.enum(INNOVATION_KINDS),
  themes: z.array(z.enum(INNOVATION_THEMES)).check(z.minLength(1), z.maxLength(5)),
  setting: text(200).check(z.describe('Where it happens, e.g. "Community crisis team"')),
  evidenceLevel: z.enum(EVIDENCE_LEVELS),
  outcomes: z.optional(text(2000)),
  contact: InnovationContact,
  relatedServiceIds: z._default(z.array(Uuid).check(z.maxLength(20)), []),
  licence: z._default(text(64), 'CC-BY-4.0'),
  /** Schema 1.1: optional structured sections; older readers ignore them. */
  caseStudy: z.optional(CaseStudy),
};

/** What an author writes; the node assigns identity, status and dates. */
export const InnovationInput = z
  .object(innovationFields)
  .check(withinWordLimit)
  .register(z.globalRegistry, { id: 'InnovationInput' });

/** A Project 52 write-up: one idea, innovation, initiative or finding, about 500 words. */
export const Innovation = z
  .object({
    id: Uuid,
    partnerId: Slug,
    ...innovationFields,
    status: z.enum(INNOVATION_STATUSES),
    submittedAt: z.optional(IsoDateTime),
    publishedAt: z.optional(IsoDateTime),
    updatedAt: IsoDateTime,
  })
  .check(withinWordLimit)
  .register(z.globalRegistry, { id: 'Innovation', title: 'Innovation' });

export type InnovationInput = z.input<typeof InnovationInput>;
export type Innovation = z.infer<typeof Innovation>;

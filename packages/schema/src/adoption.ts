import * as z from 'zod/mini';
import { findPersonalData } from './personal-data.js';
import { IsoDate, IsoDateTime, Slug, text, Uuid } from './primitives.js';
import { Sha256Base64url } from './protocol/common.js';
import { cleanText } from './text-hygiene.js';
import { ADOPTION_STAGES } from './vocabularies.js';
import { ADOPTION_NOTE_WORD_LIMIT, countWords } from './word-count.js';

/**
 * The piece an adoption is about, as the adopter read it: the owning partner, the record id and
 * the hash (docs/protocol.md §5.1) of the record JWS it read, so anyone can tell which version.
 */
export const PieceReference = z.object({
  partnerId: Slug,
  recordId: Uuid,
  hash: Sha256Base64url,
});
export type PieceReference = z.infer<typeof PieceReference>;

/** At most {@link ADOPTION_NOTE_WORD_LIMIT} words, counted with the Project 52 rule. */
export const AdoptionNote = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(2000),
  ...cleanText(),
  z.refine((note) => countWords(note) <= ADOPTION_NOTE_WORD_LIMIT, {
    message: `Keep the note to ${ADOPTION_NOTE_WORD_LIMIT} words or fewer`,
  }),
);

/** A role such as "Crisis team manager": never a person's email or phone number. */
export const ContactRole = text(120).check(
  z.refine((role) => findPersonalData(role).length === 0, {
    message: 'Give a role, not a person: no email address or phone number',
  }),
  z.describe('A role, not a person: e.g. "Crisis team manager"'),
);

const adoptionFields = {
  piece: PieceReference,
  stage: z.enum(ADOPTION_STAGES),
  /** When the adoption reached this stage. */
  date: IsoDate,
  note: AdoptionNote,
  contactRole: ContactRole,
};

/** What staff write when they start or move on an adoption; the node assigns the rest. */
export const AdoptionInput = z
  .object(adoptionFields)
  .register(z.globalRegistry, { id: 'AdoptionInput' });

/**
 * A partner's signed statement that it is exploring, piloting, has adopted or has stopped using
 * another partner's piece (schema 1.1). `partnerId` is the adopter; a new revision records each
 * move to another stage.
 */
export const Adoption = z
  .object({
    id: Uuid,
    partnerId: Slug,
    ...adoptionFields,
    updatedAt: IsoDateTime,
  })
  .check(
    z.refine((adoption) => adoption.piece.partnerId !== adoption.partnerId, {
      message: 'A partner cannot adopt its own piece',
      path: ['piece', 'partnerId'],
    }),
  )
  .register(z.globalRegistry, { id: 'Adoption', title: 'Adoption' });

export type AdoptionInput = z.input<typeof AdoptionInput>;
export type Adoption = z.infer<typeof Adoption>;

import type { Innovation } from './types.js';

/** The write-up form's state: every field as the controls hold it. */
export interface InnovationDraft {
  title: string;
  summary: string;
  kind: string;
  themes: string[];
  setting: string;
  evidenceLevel: string;
  outcomes: string;
  contactRole: string;
  contactEmail: string;
  relatedServiceIds: string[];
  body: string;
  licence: string;
}

export function emptyDraft(): InnovationDraft {
  return {
    title: '',
    summary: '',
    kind: '',
    themes: [],
    setting: '',
    evidenceLevel: '',
    outcomes: '',
    contactRole: '',
    contactEmail: '',
    relatedServiceIds: [],
    body: '',
    licence: 'CC-BY-4.0',
  };
}

export function draftFrom(innovation: Innovation): InnovationDraft {
  return {
    title: innovation.title,
    summary: innovation.summary,
    kind: innovation.kind,
    themes: [...innovation.themes],
    setting: innovation.setting,
    evidenceLevel: innovation.evidenceLevel,
    outcomes: innovation.outcomes ?? '',
    contactRole: innovation.contact.role,
    contactEmail: innovation.contact.email,
    relatedServiceIds: [...innovation.relatedServiceIds],
    body: innovation.body,
    licence: innovation.licence,
  };
}

/** The API's `InnovationInput`: empty optional text is left out, required text is sent as typed. */
export function inputFrom(draft: InnovationDraft): Record<string, unknown> {
  return {
    title: draft.title,
    summary: draft.summary,
    body: draft.body,
    ...(draft.kind ? { kind: draft.kind } : {}),
    themes: draft.themes,
    setting: draft.setting,
    ...(draft.evidenceLevel ? { evidenceLevel: draft.evidenceLevel } : {}),
    ...(draft.outcomes.trim() ? { outcomes: draft.outcomes } : {}),
    contact: { role: draft.contactRole, email: draft.contactEmail.trim() },
    relatedServiceIds: draft.relatedServiceIds,
    licence: draft.licence,
  };
}

export const PERSONAL_DATA_WORDS: Record<string, string> = {
  nhs_number: 'an NHS number',
  date_of_birth: 'a date of birth',
  uk_mobile: 'a mobile phone number',
  email: 'an email address',
};

export const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  body: 'The piece',
  setting: 'Setting',
  outcomes: 'Outcomes',
};

/** Splits `text` into plain and flagged parts, for showing flagged spans in place. */
export function splitFlagged(
  text: string,
  spans: readonly { start: number; end: number }[],
): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), match: false });
    parts.push({ text: text.slice(span.start, span.end), match: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

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
  /** The optional case-study sections (schema 1.1), by key, and up to five resource links. */
  caseStudy: { problem: string; whatWeDid: string; whatChanged: string; howToAdopt: string };
  resources: { title: string; url: string }[];
}

/** The most resource links a piece carries. */
export const MAX_RESOURCES = 5;

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
    caseStudy: { problem: '', whatWeDid: '', whatChanged: '', howToAdopt: '' },
    resources: [],
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
    caseStudy: {
      problem: innovation.caseStudy?.problem ?? '',
      whatWeDid: innovation.caseStudy?.whatWeDid ?? '',
      whatChanged: innovation.caseStudy?.whatChanged ?? '',
      howToAdopt: innovation.caseStudy?.howToAdopt ?? '',
    },
    resources: (innovation.caseStudy?.resources ?? []).map((resource) => ({ ...resource })),
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
    ...caseStudyFrom(draft),
  };
}

/** The case study as the API takes it: only the sections and links written; none at all if empty. */
function caseStudyFrom(draft: InnovationDraft): { caseStudy?: Record<string, unknown> } {
  const sections = Object.fromEntries(
    Object.entries(draft.caseStudy).filter(([, value]) => value.trim() !== ''),
  );
  const resources = draft.resources
    .filter((resource) => resource.title.trim() !== '' || resource.url.trim() !== '')
    .map((resource) => ({ title: resource.title, url: resource.url.trim() }));
  const caseStudy = { ...sections, ...(resources.length > 0 ? { resources } : {}) };
  return Object.keys(caseStudy).length > 0 ? { caseStudy } : {};
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
  body: 'The text of the piece',
  setting: 'Setting',
  outcomes: 'Outcomes',
  'caseStudy.problem': 'The problem',
  'caseStudy.whatWeDid': 'What we did',
  'caseStudy.whatChanged': 'What changed',
  'caseStudy.howToAdopt': 'How to adopt it',
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

const CONTEXT = 160;

/**
 * Short passages around each flagged span (about 160 characters either side, merged when they
 * overlap), each split into plain and flagged parts, so a long piece shows where the words sit.
 */
export function flaggedExcerpts(
  text: string,
  spans: readonly { start: number; end: number }[],
): { text: string; match: boolean }[][] {
  const windows: { start: number; end: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(0, span.start - CONTEXT);
    const end = Math.min(text.length, span.end + CONTEXT);
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows.map((window) => {
    const inside = spans
      .filter((span) => span.start >= window.start && span.end <= window.end)
      .map((span) => ({ start: span.start - window.start, end: span.end - window.start }));
    const parts = splitFlagged(text.slice(window.start, window.end), inside);
    if (window.start > 0) parts.unshift({ text: '…', match: false });
    if (window.end < text.length) parts.push({ text: '…', match: false });
    return parts;
  });
}

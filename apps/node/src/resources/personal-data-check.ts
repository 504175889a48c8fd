import {
  CASE_STUDY_SECTIONS,
  type CaseStudy,
  findPersonalData,
  type PersonalDataSpan,
} from '@promise-global/schema';
import { NodeError } from '../errors.js';

/** A suspected piece of personal data, with the field it was found in. */
export interface PersonalDataFinding extends PersonalDataSpan {
  field: string;
}

const CHECKED_FIELDS = ['title', 'summary', 'body', 'setting', 'outcomes'] as const;

/**
 * Scans the free text of a write-up, its case-study sections included (`caseStudy.problem`, …),
 * for what looks like patient data (DESIGN: privacy).
 */
export function findPersonalDataIn(
  fields: {
    [K in (typeof CHECKED_FIELDS)[number]]?: string | undefined;
  } & { caseStudy?: CaseStudy | undefined },
): PersonalDataFinding[] {
  const sections = CASE_STUDY_SECTIONS.map(({ key }) => ({
    field: `caseStudy.${key}`,
    text: fields.caseStudy?.[key],
  }));
  return [...CHECKED_FIELDS.map((field) => ({ field, text: fields[field] })), ...sections].flatMap(
    ({ field, text }) => findPersonalData(text ?? '').map((span) => ({ field, ...span })),
  );
}

export function personalDataRefused(findings: PersonalDataFinding[]): NodeError {
  return new NodeError(
    422,
    'PERSONAL_DATA_SUSPECTED',
    'The write-up contains text that looks like personal data. Remove it, or confirm it is not personal data by resubmitting with confirmPersonalData: true.',
    { findings },
  );
}

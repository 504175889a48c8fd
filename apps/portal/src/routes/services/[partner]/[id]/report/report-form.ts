import { MAX_PROBLEM_DETAILS, PROBLEM_KINDS, type ProblemKind } from '@promise-global/schema';

/** The short list a reader picks from, in the order shown. */
export const PROBLEM_CHOICES: ReadonlyArray<{ value: ProblemKind; label: string }> = [
  { value: 'wrong_phone', label: 'The phone number is wrong' },
  { value: 'wrong_hours', label: 'The opening hours are wrong' },
  { value: 'service_closed', label: 'The service has closed' },
  { value: 'wrong_address', label: 'The address is wrong' },
  { value: 'other', label: 'Something else' },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the reader typed, kept to show the form again. */
export interface ReportValues {
  kind: string;
  details: string;
  replyTo: string;
}

export interface ReportErrors {
  kind?: string;
  details?: string;
  replyTo?: string;
}

/** Reads and checks the form; `report` is set only when there is nothing to correct. */
export function readReportForm(form: FormData): {
  values: ReportValues;
  errors: ReportErrors;
  report?: { kind: ProblemKind; details: string; replyTo?: string };
} {
  const values = {
    kind: String(form.get('kind') ?? ''),
    details: String(form.get('details') ?? '').trim(),
    replyTo: String(form.get('replyTo') ?? '').trim(),
  };
  const errors: ReportErrors = {};
  const kind = PROBLEM_KINDS.find((candidate) => candidate === values.kind);
  if (!kind) errors.kind = 'Choose what is wrong with this listing.';
  if (values.details.length > MAX_PROBLEM_DETAILS)
    errors.details = `Use ${MAX_PROBLEM_DETAILS} characters or fewer (you used ${values.details.length}).`;
  else if (kind === 'other' && values.details === '') errors.details = 'Tell us what is wrong.';
  if (values.replyTo !== '' && (!EMAIL.test(values.replyTo) || values.replyTo.length > 254))
    errors.replyTo = 'Enter an email address like name@example.org, or leave it empty.';
  if (!kind || Object.keys(errors).length > 0) return { values, errors };
  return {
    values,
    errors,
    report: {
      kind,
      details: values.details,
      ...(values.replyTo ? { replyTo: values.replyTo } : {}),
    },
  };
}

/** The `Retry-After` the hub's refusal names (`try again in N s`), else ten minutes. */
export function retryAfterOf(message: string): number {
  const seconds = Number(/try again in (\d+) s/.exec(message)?.[1]);
  return Number.isInteger(seconds) && seconds > 0 ? seconds : 600;
}

import type { FieldError } from '@promise-global/ui';
import { tick } from 'svelte';
import type { FieldIssue } from './api.js';

/** The id of the control for a field path: `phones.0.number` → `f-phones-0-number`. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The node's (zod's) messages in plain words; the schema's own hand-written ones are kept. */
export function plainWords(message: string): string {
  if (/expected string, received undefined|expected string to have >=1 characters/.test(message)) {
    return 'This cannot be empty.';
  }
  if (/received undefined/.test(message)) return 'This is needed.';
  let match = /Too big: expected string to have <=(\d+) characters/.exec(message);
  if (match) return `Use ${match[1]} characters or fewer.`;
  match = /Too small: expected array to have >=(\d+) items?/.exec(message);
  if (match) return match[1] === '1' ? 'Choose at least one.' : `Choose at least ${match[1]}.`;
  match = /Too big: expected array to have <=(\d+) items?/.exec(message);
  if (match) return `Choose no more than ${match[1]}.`;
  match = /Too (?:big|small): expected number to be ([<>]=?)(\d+)/.exec(message);
  if (match)
    return match[1]?.startsWith('<') ? `Use ${match[2]} or less.` : `Use ${match[2]} or more.`;
  if (/Invalid option/.test(message)) return 'Choose one of the options.';
  if (/Invalid email/.test(message)) return 'Enter an email address, like team@example.org.';
  if (/Invalid UUID/.test(message)) return 'Choose an item from the list.';
  if (/expected int/.test(message) || /expected number/.test(message))
    return 'Enter a whole number.';
  return message;
}

/** The words a person sees for a control: its label, or its group's legend. */
function labelOf(id: string): string | undefined {
  const element = document.getElementById(id);
  const text =
    element instanceof HTMLFieldSetElement
      ? element.querySelector('legend')?.textContent
      : document.querySelector(`label[for="${id}"]`)?.textContent;
  return text?.replace('(optional)', '').trim() || undefined;
}

/**
 * Forgets the error of the control a person just changed (its own, or its group's), so the
 * message goes away once they act on it.
 */
export function withoutErrorFor(
  errors: Record<string, string>,
  event: Event,
): Record<string, string> {
  const target = event.target instanceof Element ? event.target : null;
  const ids = [target?.id, target?.closest('fieldset[id]')?.id].filter(Boolean);
  const left = Object.entries(errors).filter(([path]) => !ids.includes(fieldId(path)));
  return left.length === Object.keys(errors).length ? errors : Object.fromEntries(left);
}

/**
 * Places each issue beside the nearest control the page has for its path (`themes.0` sits with
 * `themes`), in plain words. Returns the messages by path and the list for the error summary.
 */
export function placeIssues(
  issues: readonly FieldIssue[],
  hasField: (path: string) => boolean = (path) => document.getElementById(fieldId(path)) !== null,
): { byPath: Record<string, string>; summary: FieldError[] } {
  const byPath: Record<string, string> = {};
  const summary: FieldError[] = [];
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let path = issue.path;
    while (parts.length > 1 && !hasField(path)) {
      parts.pop();
      path = parts.join('.');
    }
    const message = plainWords(issue.message);
    if (byPath[path]) continue;
    byPath[path] = message;
    const label = labelOf(fieldId(path));
    const joined = label ? `${label}${label.endsWith('?') ? '' : ':'} ${message}` : message;
    summary.push({ targetId: fieldId(path), message: joined });
  }
  return { byPath, summary };
}

/** Moves focus to the control for `path` once the page has drawn it (after adding an item). */
export async function focusField(path: string): Promise<void> {
  await tick();
  document.getElementById(fieldId(path))?.focus();
}

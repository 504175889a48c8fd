import { LABELS } from '@promise-global/schema';
import { labelFor } from '@promise-global/ui/format';

/** The schema's human words for a controlled value (server side: keeps zod out of the browser). */
export function label(value: string): string {
  return labelFor(value, LABELS);
}

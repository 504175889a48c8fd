/**
 * The human words for a controlled value: from `labels` (pass the schema's `LABELS`), or the value
 * itself made readable ("crisis_care" → "Crisis care"). The schema is not imported here so that a
 * page's browser code never carries zod.
 */
export function labelFor(value: string, labels: Readonly<Record<string, string>> = {}): string {
  const known = labels[value];
  if (known !== undefined) return known;
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Ages 16 to 65", "Ages 18 and over", or null when the service takes any age. */
export function formatAgeRange(minAge?: number | null, maxAge?: number | null): string | null {
  const hasMin = minAge !== undefined && minAge !== null && minAge > 0;
  const hasMax = maxAge !== undefined && maxAge !== null;
  if (hasMin && hasMax) return `Ages ${minAge} to ${maxAge}`;
  if (hasMin) return `Ages ${minAge} and over`;
  if (hasMax) return `Ages up to ${maxAge}`;
  return null;
}

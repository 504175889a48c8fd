/** A `tel:` link for a listed phone number: spaces dropped, the leading `+` kept. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

const REGION_NAMES = new Intl.DisplayNames(['en-GB'], { type: 'region' });

/** "GB" → "United Kingdom"; unknown codes are shown as they are. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return REGION_NAMES.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * Sign languages' names, which Intl.DisplayNames does not know everywhere (Node and Chromium
 * return `bfi` for British Sign Language): keyed by lower-case BCP 47 tag.
 */
const SIGN_LANGUAGES: Readonly<Record<string, string>> = {
  bfi: 'British Sign Language',
  'sgn-gb': 'British Sign Language',
  ase: 'American Sign Language',
  'sgn-us': 'American Sign Language',
  isg: 'Irish Sign Language',
  'sgn-ie': 'Irish Sign Language',
  asf: 'Auslan (Australian Sign Language)',
  'sgn-au': 'Auslan (Australian Sign Language)',
  nzs: 'New Zealand Sign Language',
  'sgn-nz': 'New Zealand Sign Language',
  fsl: 'French Sign Language',
  'sgn-fr': 'French Sign Language',
  gsg: 'German Sign Language',
  'sgn-de': 'German Sign Language',
  sgn: 'Sign language',
};

let names: Intl.DisplayNames | undefined;

/**
 * A language's English name for a BCP 47 tag: `pl` → "Polish", `bfi` or `sgn-GB` → "British Sign
 * Language". An unknown or malformed tag comes back as given.
 */
export function languageName(tag: string): string {
  const known = SIGN_LANGUAGES[tag.toLowerCase()];
  if (known) return known;
  let name: string | undefined;
  try {
    names ??= new Intl.DisplayNames(['en-GB'], { type: 'language' });
    name = names.of(tag);
  } catch {
    return tag;
  }
  if (!name) return tag;
  // DisplayNames canonicalises (sgn-GB → bfi) and, knowing no name, returns the code itself.
  return SIGN_LANGUAGES[name.toLowerCase()] ?? name;
}

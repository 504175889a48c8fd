import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { COUNTRY_CODES } from './countries.js';
import { cleanText } from './text-hygiene.js';

// The schemas are written with zod/mini so a browser bundle that validates record data (the SDK's
// verify entry) carries only the checks it uses: classic zod cannot be tree-shaken. Parsing,
// types and JSON Schema output are the same; classic schemas in the apps compose with these.
// Classic zod installs its English messages on import; zod/mini leaves that to us.
z.config(en());

/**
 * Free text: trimmed, never empty, bounded, and clean (no control characters but tab, newline and
 * return, no lone surrogates, something visible); see {@link cleanText}. Nodes NFC-normalise
 * text on input ({@link normaliseText}); the schema does not, so verifying a record never changes
 * a signed string.
 */
export function text(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max), ...cleanText());
}

const HTTP_URL_MESSAGE = 'Use a web address starting with https:// (or http://)';

/** A web address. Only http(s): a `javascript:` or `data:` URL could run script in a reader's browser. */
export const HttpUrl = z
  .url({ protocol: /^https?$/, error: HTTP_URL_MESSAGE })
  .check(z.maxLength(2048), z.regex(/^https?:\/\//i, HTTP_URL_MESSAGE));

export const EmailAddress = z.email().check(z.maxLength(254));

/**
 * A phone number: E.164 (`+44 1632 960001`), UK national (`01632 960001`), or a UK short
 * code people actually dial or text for help (999, 111, 112, 101, 119, 116 xxx, Childline's
 * 0800 1111, five-digit text short codes such as Shout's 85258). Single spaces allowed.
 *
 * @example PhoneNumber.parse(' 0300 123 4567 ') // '0300 123 4567'
 */
export const PhoneNumber = z
  .string()
  .check(
    z.trim(),
    z.maxLength(32),
    z.regex(
      /^(?:\+[1-9](?: ?\d){7,14}|0(?: ?\d){9,10}|0800 ?1111|999|111|112|101|119|116 ?\d{3}|[6-8]\d{4})$/,
      'Use international form (+44 1632 960001), a UK number (01632 960001) or a UK short code',
    ),
  );

export const CountryCode = z.enum(COUNTRY_CODES, {
  error: 'Use an ISO 3166-1 alpha-2 code, e.g. GB',
});

/** An ISO 8601 duration such as `PT4H` (four hours) or `P1D` (one day). */
export const IsoDuration = z.iso.duration({ error: 'Use an ISO 8601 duration, e.g. PT4H' });

/**
 * An RFC 3339 `date-time` with seconds and an offset (`Z` or `±hh:mm`), days checked against the
 * month and leap years. The `T` and `Z` may be lower case, as RFC 3339 §5.6 allows (protocol §1.2).
 */
export const RFC3339_DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))[Tt](?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

export const IsoDateTime = z
  .string()
  .check(z.regex(RFC3339_DATE_TIME, 'Use an RFC 3339 date-time, e.g. 2026-11-02T09:00:00Z'));

export const IsoDate = z.iso.date();

/** A partner's short identifier, e.g. `cpft`: lower-case letters, digits and inner hyphens. */
export const Slug = z
  .string()
  .check(
    z.regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'Use lower-case letters, digits and hyphens'),
  );

export const Uuid = z.uuid();

/** A BCP 47 language tag such as `en`, `cy` or `en-GB`; `sgn-GB` style tags cover sign languages. */
export const LanguageTag = z
  .string()
  .check(
    z.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8}){0,3}$/, 'Use a language tag such as en or en-GB'),
  );

const ZONE_NAME = /^(?:UTC|[A-Z][A-Za-z_-]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/** True when `zone` names a time zone this runtime's Intl knows (offsets like +01:00 are not names). */
function knownTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/London` or `America/New_York`. */
export const IanaTimeZone = z
  .string()
  .check(
    z.maxLength(64),
    z.refine(knownTimeZone, 'Use an IANA time zone such as Europe/London or America/New_York'),
  );

/** WGS84 latitude in decimal degrees, -90 to 90. */
export const Latitude = z
  .number()
  .check(
    z.gte(-90, 'Latitude must be between -90 and 90'),
    z.lte(90, 'Latitude must be between -90 and 90'),
  );

/** WGS84 longitude in decimal degrees, -180 to 180. */
export const Longitude = z
  .number()
  .check(
    z.gte(-180, 'Longitude must be between -180 and 180'),
    z.lte(180, 'Longitude must be between -180 and 180'),
  );

export type CountryCode = z.infer<typeof CountryCode>;

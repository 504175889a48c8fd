/**
 * "Near me": the reader's position, rounded to two decimal places (about 1 km) before it leaves
 * the browser, carried in the URL as `near=51.06,-1.31`. The server rounds again, so a hand-made
 * URL with more digits is never passed on more precisely.
 */
export interface NearPoint {
  latitude: number;
  longitude: number;
}

export const NEAR_PARAM = 'near';

/** Two decimal places of a degree: about 1.1 km of latitude. */
export function roundToKm(degrees: number): number {
  return Math.round(degrees * 100) / 100;
}

/** The `near` value for a position: rounded first, then written with at most two decimals. */
export function nearValue(point: NearPoint): string {
  const text = (degrees: number) => String(roundToKm(degrees) + 0); // + 0: no "-0"
  return `${text(point.latitude)},${text(point.longitude)}`;
}

const NUMBER = /^-?\d{1,3}(?:\.\d{1,12})?$/;

/** The rounded point a URL asks to sort from, or null when absent or not a place on Earth. */
export function readNear(params: URLSearchParams): NearPoint | null {
  const raw = params.get(NEAR_PARAM);
  if (!raw || raw.length > 40) return null;
  const [lat, lon, extra] = raw.split(',').map((part) => part.trim());
  if (extra !== undefined || !lat || !lon || !NUMBER.test(lat) || !NUMBER.test(lon)) return null;
  const latitude = roundToKm(Number(lat));
  const longitude = roundToKm(Number(lon));
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude: latitude + 0, longitude: longitude + 0 };
}

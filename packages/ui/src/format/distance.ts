/** A point in WGS84 decimal degrees. */
export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance between two points, in kilometres. */
export function distanceKm(from: Point, to: Point): number {
  const dLat = radians(to.latitude - from.latitude);
  const dLon = radians(to.longitude - from.longitude);
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * A distance in words, to the whole kilometre (the reader's position is only known to about
 * 1 km): "Under 1 km away", "4 km away", "1,250 km away".
 */
export function formatDistance(km: number): string {
  if (km < 1) return 'Under 1 km away';
  return `${Math.round(km).toLocaleString('en-GB')} km away`;
}

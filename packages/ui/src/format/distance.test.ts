import { describe, expect, it } from 'vitest';
import { distanceKm, formatDistance } from './distance.js';

describe('distanceKm', () => {
  it('measures real town distances along the great circle', () => {
    const winchester = { latitude: 51.06, longitude: -1.31 };
    const southampton = { latitude: 50.9, longitude: -1.4 };
    const newHaven = { latitude: 41.31, longitude: -72.92 };
    expect(distanceKm(winchester, southampton)).toBeCloseTo(18.9, 0);
    expect(distanceKm(winchester, newHaven)).toBeGreaterThan(5350);
    expect(distanceKm(winchester, newHaven)).toBeLessThan(5450);
    expect(distanceKm(winchester, winchester)).toBe(0);
  });

  it('is symmetric and crosses the antimeridian the short way', () => {
    const fiji = { latitude: -17.7, longitude: 179.9 };
    const samoa = { latitude: -13.8, longitude: -171.8 };
    expect(distanceKm(fiji, samoa)).toBeCloseTo(distanceKm(samoa, fiji), 9);
    expect(distanceKm(fiji, samoa)).toBeLessThan(1000);
  });
});

describe('formatDistance', () => {
  it.each([
    [0, 'Under 1 km away'],
    [0.99, 'Under 1 km away'],
    [4.4, '4 km away'],
    [4.5, '5 km away'],
    [1250.2, '1,250 km away'],
  ])('%s km reads "%s"', (km, words) => {
    expect(formatDistance(km)).toBe(words);
  });
});

import { describe, expect, it } from 'vitest';
import { nearValue, readNear, roundToKm } from './near.js';

describe('near me', () => {
  it('rounds a position to two decimal places (about 1 km) before it is written', () => {
    expect(nearValue({ latitude: 51.063_219_4, longitude: -1.308_456 })).toBe('51.06,-1.31');
    expect(nearValue({ latitude: -0.001, longitude: 0.004 })).toBe('0,0');
    expect(roundToKm(41.305)).toBeCloseTo(41.31, 9);
  });

  it('reads a rounded point back, and rounds again what a hand-made URL over-states', () => {
    expect(readNear(new URLSearchParams('near=51.06,-1.31'))).toEqual({
      latitude: 51.06,
      longitude: -1.31,
    });
    expect(readNear(new URLSearchParams('near=51.0632194,-1.308456'))).toEqual({
      latitude: 51.06,
      longitude: -1.31,
    });
  });

  it.each([
    ['absent', ''],
    ['one number', 'near=51.06'],
    ['three numbers', 'near=1,2,3'],
    ['off the globe', 'near=91,0'],
    ['a longitude past 180', 'near=0,181'],
    ['words', 'near=here,there'],
    ['an exponent', 'near=1e2,0'],
    ['a script', 'near=<script>,0'],
    ['too long', `near=${'1'.repeat(50)},0`],
  ])('ignores %s', (_, search) => {
    expect(readNear(new URLSearchParams(search))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Lane } from './lane.js';

describe('Lane', () => {
  it('runs at most its limit at once and serves urgent syncs before routine ones', async () => {
    const lane = new Lane(1);
    const order: string[] = [];
    let release = () => {};
    const first = lane.run(
      () =>
        new Promise<void>((resolve) => {
          order.push('first');
          release = resolve;
        }),
    );
    const routine = lane.run(async () => {
      order.push('routine');
    });
    const urgent = lane.run(async () => {
      order.push('urgent');
    }, true);
    expect(lane.load).toBe(3);
    expect(order).toEqual(['first']);
    release();
    await Promise.all([first, routine, urgent]);
    expect(order).toEqual(['first', 'urgent', 'routine']);
    expect(lane.load).toBe(0);
  });
});

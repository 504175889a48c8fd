import { describe, expect, it } from 'vitest';
import { reviewStatus } from './review-status.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('reviewStatus', () => {
  it('calls a listing checked only when its owner has checked it and it is not overdue', () => {
    expect(reviewStatus({ assuredAt: '2026-05-01T09:00:00Z' }, now)).toMatchObject({
      checked: true,
      overdue: false,
    });
    expect(
      reviewStatus({ assuredAt: '2026-05-01T09:00:00Z', reviewDue: '2026-12-01' }, now),
    ).toMatchObject({ checked: true, overdue: false });
  });

  it('never calls an imported listing with a future review date but no check "checked"', () => {
    expect(reviewStatus({ assuredAt: null, reviewDue: '2027-01-01' }, now)).toEqual({
      checkedAt: null,
      overdue: false,
      checked: false,
    });
  });

  it('calls a listing overdue, not checked, past its review date or never checked', () => {
    expect(
      reviewStatus({ assuredAt: '2026-01-01T09:00:00Z', reviewDue: '2026-05-01' }, now),
    ).toMatchObject({ checked: false, overdue: true });
    expect(reviewStatus({}, now)).toMatchObject({ checked: false, overdue: true });
    expect(reviewStatus({ assuredAt: '2025-01-01T09:00:00Z' }, now)).toMatchObject({
      checked: false,
      overdue: true,
    });
  });
});

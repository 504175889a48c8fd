import { placeholder } from '@promise-global/schema';
import { expect, test } from 'vitest';

test('resolves workspace source', () => {
  expect(placeholder).toBe(1);
});

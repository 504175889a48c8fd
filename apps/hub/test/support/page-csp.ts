import { createHash } from 'node:crypto';
import { expect } from 'vitest';

/**
 * Checks that an HTML response's only stylesheet is allowed by its exact hash and that the
 * policy allows no inline style or script by any other means.
 */
export async function expectHashedStyleOnly(response: Response): Promise<string> {
  const html = await response.text();
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/img-src [^;]*https:/);
  expect(csp).toContain("frame-ancestors 'none'");
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
  expect(styles).toHaveLength(1);
  const hash = createHash('sha256')
    .update(styles[0] ?? '', 'utf8')
    .digest('base64');
  expect(/style-src ([^;]*)/.exec(csp)?.[1]?.trim()).toBe(`'sha256-${hash}'`);
  expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
  return html;
}

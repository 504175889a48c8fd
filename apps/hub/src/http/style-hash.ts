import { createHash } from 'node:crypto';

/** The CSP source that allows exactly one inline `<style>` element's text, and no other. */
export function styleHashSource(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

import { describe, expect, it } from 'vitest';
import { readRefusalCode } from './refusal-code.js';

const answer = (body: ConstructorParameters<typeof Response>[0], status = 400) =>
  new Response(body, { status });

describe('reading why the hub refused a ping', () => {
  it("takes the code of the hub's JSON answer", async () => {
    const body = JSON.stringify({ status: 'ignored', code: 'ISSUER_UNKNOWN' });
    expect(await readRefusalCode(answer(body))).toBe('ISSUER_UNKNOWN');
    const limited = JSON.stringify({ status: 'ignored', code: 'RATE_LIMITED' });
    expect(await readRefusalCode(answer(limited, 429))).toBe('RATE_LIMITED');
  });

  it('falls back to the HTTP status without a readable code', async () => {
    expect(await readRefusalCode(answer(null, 503))).toBe('HTTP_503');
    expect(await readRefusalCode(answer('<html>Bad gateway</html>', 502))).toBe('HTTP_502');
    expect(await readRefusalCode(answer('{"code": 42}'))).toBe('HTTP_400');
    expect(await readRefusalCode(answer('["ISSUER_UNKNOWN"]'))).toBe('HTTP_400');
    expect(await readRefusalCode(answer('null'))).toBe('HTTP_400');
  });

  it('refuses a code a hostile hub made up to flood logs or metric labels', async () => {
    for (const code of [
      'lower_case',
      'A'.repeat(65),
      'CODE\nINJECTED',
      'CODE"} 1\nfake_metric{',
      '',
      '1LEADING_DIGIT',
    ]) {
      expect(await readRefusalCode(answer(JSON.stringify({ code })))).toBe('HTTP_400');
    }
  });

  it('reads no more than 4 KiB of an endless answer', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`{"code":"X","pad":"${'x'.repeat(1024)}`));
      },
    });
    expect(await readRefusalCode(answer(endless))).toBe('HTTP_400');
    expect(pulled).toBeLessThan(10);
  });
});

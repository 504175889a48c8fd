import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';

// Proves the records are standard compact JWS (RFC 7515) with Ed25519 (RFC 8037) that any
// language can check: only node:crypto and the published vectors, no jose and no SDK code.
const dir = new URL('../vectors/', import.meta.url);
const index = JSON.parse(await readFile(new URL('index.json', dir), 'utf8')) as {
  publicKeys: Record<string, { kty: string; crv: string; x: string; kid: string }>;
};
const pages = JSON.parse(await readFile(new URL('page.json', dir), 'utf8')) as {
  vectors: { id: string; input: { page: { records: string[]; head: string } } }[];
};
const backfill = pages.vectors.find((vector) => vector.id === 'page/backfill');
const records = backfill?.input.page.records ?? [];
const keyA = index.publicKeys.nodeA;

function decode(segment: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8'));
}

describe('interoperability with node:crypto alone (§4.1, §5.1)', () => {
  test('every record of the backfill vector verifies with the node key and chains by SHA-256', () => {
    expect(records.length).toBeGreaterThan(0);
    const publicKey = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: keyA?.x ?? '' },
      format: 'jwk',
    });
    let prev = Buffer.alloc(32).toString('base64url');
    records.forEach((jws, position) => {
      const [header, payload, signature] = jws.split('.');
      expect(decode(header)).toEqual({ alg: 'EdDSA', kid: keyA?.kid, typ: 'promise-record+jwt' });
      const valid = verify(
        null,
        Buffer.from(`${header}.${payload}`, 'ascii'),
        publicKey,
        Buffer.from(signature ?? '', 'base64url'),
      );
      expect(valid).toBe(true);
      const claims = decode(payload);
      expect(claims.seq).toBe(position + 1);
      expect(claims.prev).toBe(prev);
      prev = createHash('sha256').update(jws, 'ascii').digest('base64url');
    });
    const head = decode(backfill?.input.page.head.split('.')[1]);
    expect(head).toMatchObject({ seq: records.length, hash: prev });
  });

  test('the kid is the RFC 7638 thumbprint computed by hand', () => {
    const canonical = JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: keyA?.x });
    expect(createHash('sha256').update(canonical).digest('base64url')).toBe(keyA?.kid);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { isProtocolError } from '@promise-global/sdk';
import { generateSigningKey, keyFingerprint, signingKeyFromJwk } from '@promise-global/sdk/keys';
import {
  initialFeedState,
  type PinnedKeys,
  verifyDescriptor,
  verifyFeedPage,
} from '@promise-global/sdk/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextKeyFileOf } from '../src/identity/key-ring.js';
import { rotateSigningKey } from '../src/identity/rotate-signing-key.js';
import { createNode } from '../src/node.js';
import { organisation, partnerProfile } from './fixtures.js';
import { createTestNode, type TestNode } from './test-node.js';

const URL_ = 'https://fenland.example.org';
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/promise-node.js', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-keys-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function descriptorOf(t: TestNode): Promise<string> {
  return (await t.call('GET', '/.well-known/promise-node', undefined, { token: null })).text();
}

async function addOrganisation(t: TestNode, name: string): Promise<void> {
  const created = await t.json('POST', '/api/organisations', { ...organisation, name });
  expect(created.status).toBe(201);
}

async function verifyWholeFeed(t: TestNode, keys: PinnedKeys) {
  const page = await (
    await t.call('GET', '/feed?after=0&limit=1000', undefined, { token: null })
  ).json();
  return verifyFeedPage(initialFeedState({ iss: URL_, partnerId: 'fenland', keys }), page);
}

describe('signing key rotation (protocol §9)', () => {
  it('announces a pre-committed next key, then rotates to it: old records stay verifiable by kid and new ones use the new key', async () => {
    await using t = await createTestNode();
    const enrolled = await verifyDescriptor(await descriptorOf(t), { url: URL_ });
    const first = t.node.context.key.kid;
    const committed = t.node.context.keyRing.nextKid;
    expect(enrolled.descriptor.jwks.keys.map((key) => key.kid)).toEqual([first]);
    expect(enrolled.descriptor.nextKid).toBe(committed);
    await addOrganisation(t, 'Before rotation');

    const rotation = await rotateSigningKey(t.node.context);
    expect(rotation).toMatchObject({ retiredKid: first, kid: committed });
    await addOrganisation(t, 'After rotation');

    const rotated = await verifyDescriptor(await descriptorOf(t), {
      url: URL_,
      keys: enrolled.keys,
    });
    expect(rotated.rotated).toBe(true);
    expect(rotated.descriptor.nextKid).toBe(rotation.nextKid);
    expect(rotated.keys.keys.map((key) => [key.kid, key.status])).toEqual([
      [committed, 'active'],
      [first, 'retired'],
    ]);
    const jwks = (await (
      await t.call('GET', '/.well-known/jwks.json', undefined, { token: null })
    ).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([committed]);

    const { records, head } = await verifyWholeFeed(t, rotated.keys);
    expect(records.map((record) => record.kid)).toEqual([first, first, committed]);
    expect(head.seq).toBe(3);
    // A verifier that never learned of the rotation refuses the new records.
    await expect(verifyWholeFeed(t, enrolled.keys)).rejects.toSatisfy((error) =>
      isProtocolError(error, 'UNKNOWN_KID'),
    );
  });

  it('revokes the outgoing key from the next seq, so the published log stays valid', async () => {
    await using t = await createTestNode();
    const enrolled = await verifyDescriptor(await descriptorOf(t), { url: URL_ });
    await addOrganisation(t, 'Signed by the old key');
    const rotation = await rotateSigningKey(t.node.context, { revokeFromSeq: 'next' });
    expect(rotation.revokedFromSeq).toBe(3);
    const applied = await verifyDescriptor(await descriptorOf(t), {
      url: URL_,
      keys: enrolled.keys,
    });
    expect(applied.descriptor.revocations).toEqual([{ kid: rotation.retiredKid, fromSeq: 3 }]);
    await addOrganisation(t, 'Signed by the new key');
    const { records } = await verifyWholeFeed(t, applied.keys);
    expect(records).toHaveLength(3);
  });

  it('keeps both key files owner-only and signs with the rotated key after a restart', async () => {
    const keyFile = join(dir, 'restart', 'signing-key.json');
    const config = {
      partnerId: 'fenland',
      databaseUrl: `file:${join(dir, 'restart.db')}`,
      keyFile,
      publicUrl: URL_,
      logLevel: 'silent' as const,
      partner: partnerProfile,
    };
    let rotation: Awaited<ReturnType<typeof rotateSigningKey>>;
    {
      await using node = await createNode(config);
      rotation = await rotateSigningKey(node.context);
    }
    for (const file of [keyFile, nextKeyFileOf(keyFile)]) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    await using restarted = await createNode(config);
    expect(restarted.context.key.kid).toBe(rotation.kid);
    expect(restarted.context.keyRing.nextKid).toBe(rotation.nextKid);
    expect(restarted.context.keyRing.retired.map((key) => key.kid)).toEqual([rotation.retiredKid]);
  });

  it('lists its retired keys, so a verifier meeting it after a rotation verifies the whole log', async () => {
    await using t = await createTestNode();
    const first = t.node.context.key.kid;
    await addOrganisation(t, 'Before rotation');
    await rotateSigningKey(t.node.context);
    await addOrganisation(t, 'After rotation');
    const met = await verifyDescriptor(await descriptorOf(t), { url: URL_ });
    expect(met.descriptor.retiredJwks?.keys.map((key) => key.kid)).toEqual([first]);
    const { records } = await verifyWholeFeed(t, met.keys);
    expect(records.map((record) => record.kid)).toEqual([first, first, t.node.context.key.kid]);
  });

  it('commits a fresh next key when a rotation was interrupted between its two writes', async () => {
    const keyFile = join(dir, 'interrupted', 'signing-key.json');
    const config = {
      partnerId: 'fenland',
      databaseUrl: ':memory:',
      keyFile,
      publicUrl: URL_,
      logLevel: 'silent' as const,
      partner: partnerProfile,
    };
    let nextJwk: string;
    {
      await using node = await createNode(config);
      nextJwk = JSON.stringify(node.context.keyRing.next?.privateJwk);
    }
    await writeFile(keyFile, nextJwk, { mode: 0o600 });
    await using node = await createNode(config);
    const promoted = await signingKeyFromJwk(JSON.parse(nextJwk));
    expect(node.context.key.kid).toBe(promoted.kid);
    expect(node.context.keyRing.nextKid).not.toBe(promoted.kid);
  });

  it('rotates from the command line and prints the new kids', async () => {
    const cliDir = join(dir, 'cli');
    const configFile = join(cliDir, 'promise-node.json');
    const init = await run(process.execPath, [
      bin,
      '--config',
      configFile,
      'init',
      cliDir,
      '--partner-id',
      'fenland',
      '--port',
      '0',
    ]);
    expect(init.stdout).toContain('Signing key');
    const first = await signingKeyFromJwk(
      JSON.parse(await readFile(join(cliDir, 'signing-key.json'), 'utf8')),
    );
    expect(init.stdout).toContain(`Key fingerprint: ${keyFingerprint(first.kid)}`);
    const before = JSON.parse(await readFile(join(cliDir, 'signing-key.next.json'), 'utf8'));
    const committed = await signingKeyFromJwk(before.next);
    const show = (await run(process.execPath, [bin, '--config', configFile, 'key', 'show'])).stdout;
    expect(show).toContain(`Key fingerprint: ${keyFingerprint(first.kid)}`);
    expect(show).toContain(`Next kid        ${committed.kid}`);
    const rotated = await run(process.execPath, [
      bin,
      '--config',
      configFile,
      'key',
      'rotate',
      '--revoke',
    ]);
    expect(rotated.stdout).toContain(`Signing kid ${committed.kid}`);
    expect(rotated.stdout).toMatch(/Revoked \S+ from seq 1/);
    const current = await signingKeyFromJwk(
      JSON.parse(await readFile(join(cliDir, 'signing-key.json'), 'utf8')),
    );
    expect(current.kid).toBe(committed.kid);
    const shown = (await run(process.execPath, [bin, '--config', configFile, 'key', 'show']))
      .stdout;
    expect(shown).toContain(`Key fingerprint: ${keyFingerprint(committed.kid)}`);
  });

  it('keeps the next key off the server: export leaves only its thumbprint, rotation takes it back from the file', async () => {
    const keysDir = join(dir, 'offline');
    const configFile = join(keysDir, 'promise-node.json');
    const cli = (...args: string[]) =>
      run(process.execPath, [bin, '--config', configFile, ...args]).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    await run(process.execPath, [
      bin,
      '--config',
      configFile,
      'init',
      keysDir,
      '--partner-id',
      'fenland',
      '--port',
      '0',
    ]);
    const nextFile = join(keysDir, 'signing-key.next.json');
    const committed = await signingKeyFromJwk(JSON.parse(await readFile(nextFile, 'utf8')).next);
    const exported = join(dir, 'offline-next-key.json');

    expect((await cli('key', 'export-next', exported)).stdout).toContain(
      `Exported next key ${committed.kid}`,
    );
    expect((await stat(exported)).mode & 0o777).toBe(0o600);
    const left = JSON.parse(await readFile(nextFile, 'utf8'));
    expect(left).not.toHaveProperty('next');
    expect(left.nextKid).toBe(committed.kid);
    expect(await readFile(nextFile, 'utf8')).not.toContain('"d"');
    // The descriptor still commits to the exported key.
    {
      await using node = await createNode({ ...configOf(keysDir), logLevel: 'silent' });
      expect(node.context.keyRing.nextKid).toBe(committed.kid);
      expect(node.context.keyRing.next).toBeNull();
    }

    const again = await cli('key', 'export-next', join(dir, 'twice.json'));
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain('already exported');
    const without = await cli('key', 'rotate');
    expect(without.stderr).toContain('pass its file with --next-key');
    const corrupt = join(dir, 'corrupt-key.json');
    const exportedJwk = JSON.parse(await readFile(exported, 'utf8'));
    await writeFile(corrupt, JSON.stringify({ ...exportedJwk, d: 'A'.repeat(43) }));
    const mismatched = await cli('key', 'rotate', '--next-key', corrupt);
    expect(mismatched.stderr).toContain('private part does not match its public part');
    const stranger = join(dir, 'stranger-key.json');
    await writeFile(stranger, JSON.stringify((await generateSigningKey()).privateJwk));
    const wrong = await cli('key', 'rotate', '--next-key', stranger);
    expect(wrong.stderr).toContain(`is not the committed next key (kid ${committed.kid})`);
    expect(JSON.parse(await readFile(nextFile, 'utf8')).nextKid).toBe(committed.kid);

    const rotated = await cli('key', 'rotate', '--next-key', exported);
    expect(rotated.stdout).toContain(`Signing kid ${committed.kid}`);
    const current = await signingKeyFromJwk(
      JSON.parse(await readFile(join(keysDir, 'signing-key.json'), 'utf8')),
    );
    expect(current.kid).toBe(committed.kid);
  });
});

function configOf(folder: string) {
  return {
    partnerId: 'fenland',
    databaseUrl: `file:${join(folder, 'node.db')}`,
    keyFile: join(folder, 'signing-key.json'),
    publicUrl: URL_,
    partner: partnerProfile,
  };
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from './config.js';
import { loadConfig } from './load-config.js';

describe('node configuration', () => {
  it('fills defaults from the data directory', () => {
    const config = loadConfig({
      env: { PROMISE_NODE_PARTNER_ID: 'cpft', PROMISE_NODE_DATA_DIR: '/srv/promise' },
    });
    expect(config).toMatchObject({
      partnerId: 'cpft',
      dataDir: '/srv/promise',
      databaseUrl: 'file:/srv/promise/node.db',
      keyFile: '/srv/promise/signing-key.json',
      host: '127.0.0.1',
      port: 8080,
      publicUrl: 'http://127.0.0.1:8080',
      headTtlSeconds: 120,
    });
  });

  it('passes a libsql URL and its auth token through unchanged', () => {
    const config = resolveConfig({
      partnerId: 'cpft',
      databaseUrl: 'libsql://promise-cpft.example.org',
      databaseAuthToken: 'secret-token',
    });
    expect(config.databaseUrl).toBe('libsql://promise-cpft.example.org');
    expect(config.databaseAuthToken).toBe('secret-token');
  });

  it('uses an ephemeral key for an in-memory database without a key file', () => {
    expect(resolveConfig({ partnerId: 'cpft', databaseUrl: ':memory:' }).keyFile).toBeNull();
  });

  it('names each bad setting and its environment variable', () => {
    const error = (() => {
      try {
        loadConfig({ env: { PROMISE_NODE_PORT: '99999', PROMISE_NODE_HUB_URL: 'ftp://hub' } });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('partnerId (PROMISE_NODE_PARTNER_ID)');
    expect(message).toContain('port (PROMISE_NODE_PORT)');
    expect(message).toContain('hubUrl (PROMISE_NODE_HUB_URL)');
  });

  it('reads a JSON config file, relative to the file, with the environment winning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promise-node-config-'));
    try {
      const file = join(dir, 'promise-node.json');
      await writeFile(file, JSON.stringify({ partnerId: 'cpft', dataDir: 'data', port: 9000 }));
      const config = loadConfig({ file, env: { PROMISE_NODE_PORT: '9100' } });
      expect(config.dataDir).toBe(join(dir, 'data'));
      expect(config.port).toBe(9100);
      await writeFile(file, JSON.stringify({ partnerId: 'cpft', colour: 'blue' }));
      expect(() => loadConfig({ file, env: {} })).toThrow(/colour: unknown setting/);
      await writeFile(file, '{ not json');
      expect(() => loadConfig({ file, env: {} })).toThrow(/not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

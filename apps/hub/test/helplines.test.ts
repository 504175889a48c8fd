import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubConfigError, parseHubConfig } from '../src/config/config.js';
import { hubConfigFromEnv } from '../src/config/env.js';
import type { Hub } from '../src/create-hub.js';
import { startTestHub } from './support/test-hub.js';

const HELPLINES = {
  US: [
    { name: 'Emergency services', number: '911', emergency: true },
    { name: '988 Suicide and Crisis Lifeline', number: '988', description: 'Call or text' },
    { name: '988 Suicide and Crisis Lifeline', number: '988', type: 'text' as const },
  ],
  GB: [
    { name: 'Emergency services', number: '999', emergency: true },
    { name: 'Samaritans', number: '116 123', description: 'Free, any time' },
    { name: 'Shout', number: '85258', type: 'text' as const },
  ],
};

let hub: Hub;
let bare: Hub;

beforeAll(async () => {
  [{ hub }, { hub: bare }] = await Promise.all([
    startTestHub({ nationalHelplines: HELPLINES }),
    startTestHub(),
  ]);
});

afterAll(() => Promise.all([hub.close(), bare.close()]));

describe('national helplines', () => {
  it('are served to anyone, countries in code order, lines in the operator’s order', async () => {
    const lines = await new HubClient({ baseUrl: hub.url }).nationalHelplines();
    expect(lines.map((entry) => entry.country)).toEqual(['GB', 'US']);
    expect(lines[0]?.lines).toEqual([
      {
        name: 'Emergency services',
        number: '999',
        type: 'voice',
        description: null,
        emergency: true,
      },
      {
        name: 'Samaritans',
        number: '116 123',
        type: 'voice',
        description: 'Free, any time',
        emergency: false,
      },
      { name: 'Shout', number: '85258', type: 'text', description: null, emergency: false },
    ]);
    expect(lines[1]?.lines.map((line) => `${line.type}:${line.number}`)).toEqual([
      'voice:911',
      'voice:988',
      'text:988',
    ]);
  });

  it('are an empty list when the operator set none', async () => {
    expect(await new HubClient({ baseUrl: bare.url }).nationalHelplines()).toEqual([]);
  });

  it.each([
    [{ gb: [{ name: 'Samaritans', number: '116 123' }] }, 'nationalHelplines'],
    [{ GB: [{ name: 'Samaritans', number: 'tel:116123' }] }, 'nationalHelplines.GB.0.number'],
    [{ GB: [{ name: 'Samaritans', number: '116 123 <script>' }] }, 'nationalHelplines.GB.0.number'],
    [{ GB: [{ name: '', number: '116 123' }] }, 'nationalHelplines.GB.0.name'],
    [
      { GB: [{ name: 'Samaritans', number: '116 123', type: 'fax' }] },
      'nationalHelplines.GB.0.type',
    ],
  ])('refuses a bad setting %j, naming %s', (nationalHelplines, path) => {
    const attempt = () => parseHubConfig({ nationalHelplines } as never);
    expect(attempt).toThrow(HubConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as HubConfigError).issues.map((issue) => issue.path).join(' ')).toContain(path);
    }
  });

  it('are read from HUB_NATIONAL_HELPLINES, and broken JSON there is refused by name', () => {
    expect(
      hubConfigFromEnv({ HUB_NATIONAL_HELPLINES: JSON.stringify(HELPLINES) }).nationalHelplines,
    ).toEqual(HELPLINES);
    expect(() => hubConfigFromEnv({ HUB_NATIONAL_HELPLINES: '{"GB": [' })).toThrow(
      /HUB_NATIONAL_HELPLINES: is not valid JSON/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { project52Config } from '../../test/support/project52.js';
import { HubConfigError, parseHubConfig } from './config.js';
import { hubConfigFromEnv } from './env.js';

describe('the portal URL', () => {
  it('is read from HUB_PORTAL_URL, and Project 52’s own setting still counts', () => {
    const config = parseHubConfig(
      hubConfigFromEnv({ HUB_PORTAL_URL: 'https://portal.example.org' }),
    );
    expect(config.portalUrl).toBe('https://portal.example.org');
    expect(() => parseHubConfig({ project52: project52Config() })).not.toThrow();
  });

  it('is required with Project 52, whose bulletins link to the portal', () => {
    const { portalUrl: _unset, ...withoutPortal } = project52Config();
    let thrown: unknown;
    try {
      parseHubConfig({ project52: withoutPortal });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HubConfigError);
    expect((thrown as HubConfigError).issues).toEqual([
      { path: 'portalUrl', message: expect.stringContaining('required with project52') },
    ]);
  });

  it('must be an http(s) URL, since every feed item links through it', () => {
    expect(() => parseHubConfig({ portalUrl: 'javascript:alert(1)' })).toThrow(HubConfigError);
  });
});

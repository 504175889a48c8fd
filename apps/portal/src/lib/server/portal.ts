import { HubClient } from '@promise-global/sdk/client/hub';
import { loadPortalConfig, type PortalConfig } from './config.js';
import { SessionSealer } from './session.js';

/** The portal's app context: its configuration and the hub client, created once per process. */
export interface Portal {
  config: PortalConfig;
  hub: HubClient;
  sessions: SessionSealer;
}

let portal: Portal | undefined;

export function createPortal(config: PortalConfig): Portal {
  if (config.sessionSecret === undefined) {
    console.warn(
      'portal: PROMISE_PORTAL_SESSION_SECRET is not set; editors’ sessions use a key made at start and end when the portal restarts',
    );
  }
  return {
    config,
    hub: new HubClient({ baseUrl: config.hubUrl }),
    sessions: new SessionSealer(config.sessionSecret),
  };
}

/** The process's portal, built from the environment on first use. */
export function getPortal(): Portal {
  portal ??= createPortal(loadPortalConfig(process.env));
  return portal;
}

/** A hub client that acts with the signed-in editor's token (server side only). */
export function editorHub(token: string): HubClient {
  return new HubClient({ baseUrl: getPortal().config.hubUrl, token });
}

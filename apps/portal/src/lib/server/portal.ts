import { HubClient } from '@promise-global/sdk/client/hub';
import { env } from '$env/dynamic/private';
import { loadPortalConfig, type PortalConfig } from './config.js';

/** The portal's app context: its configuration and the hub client, created once per process. */
export interface Portal {
  config: PortalConfig;
  hub: HubClient;
}

let portal: Portal | undefined;

export function createPortal(config: PortalConfig): Portal {
  return { config, hub: new HubClient({ baseUrl: config.hubUrl }) };
}

/** The process's portal, built from the environment on first use. */
export function getPortal(): Portal {
  portal ??= createPortal(loadPortalConfig(env));
  return portal;
}

import { HubClient } from '@promise-global/sdk/client/hub';
import { loadPortalConfig, type PortalConfig } from './config.js';
import { EditorSessions } from './editor-sessions.js';

/** The portal's app context: its configuration and the hub client, created once per process. */
export interface Portal {
  config: PortalConfig;
  hub: HubClient;
  /** The editors' sessions (server-side; the cookie holds only an id). */
  sessions: EditorSessions;
}

let portal: Portal | undefined;

export function createPortal(config: PortalConfig): Portal {
  return {
    config,
    hub: new HubClient({ baseUrl: config.hubUrl }),
    sessions: new EditorSessions(),
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

import { HubClient } from '@promise-global/sdk/client/hub';
import { loadPortalConfig, type PortalConfig } from './config.js';
import { EditorSessions } from './editor-sessions.js';
import { DEFAULT_HUB_CACHE, HubAnswerCache, withSharedReads } from './hub-cache.js';
import { limitConcurrency } from './hub-fetch.js';

/**
 * The portal's app context: its configuration and the hub client, created once per process. The
 * client's public reads are shared between readers for a few seconds (`hub-cache.ts`).
 */
export interface Portal {
  config: PortalConfig;
  hub: HubClient;
  /** The same hub, every call asked afresh: the status page and the editors' area. */
  liveHub: HubClient;
  /** The hub answers readers share; cleared when an editor acts. */
  sharedReads: HubAnswerCache;
  /** The editors' sessions (server-side; the cookie holds only an id). */
  sessions: EditorSessions;
}

let portal: Portal | undefined;

/** Calls to the hub at once from this process: a bounded pool of keep-alive connections. */
const HUB_CONNECTIONS = 16;

export function createPortal(config: PortalConfig): Portal {
  // Reads retry once (a reset connection) and give up in 5 s: the reader is waiting.
  const client = new HubClient({
    baseUrl: config.hubUrl,
    fetch: limitConcurrency(HUB_CONNECTIONS),
    retries: 1,
    timeoutMs: 5_000,
  });
  const sharedReads = new HubAnswerCache(DEFAULT_HUB_CACHE);
  return {
    config,
    hub: withSharedReads(client, sharedReads),
    liveHub: client,
    sharedReads,
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

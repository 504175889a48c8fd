import type { NodeStatus } from '@promise-global/sdk/client/hub';

/** The hub a relayed node's records come through, as a reader sees it: its URL and host. */
export interface RelayedVia {
  url: string;
  host: string;
}

/** Where a node's records come from: `null` when it is enrolled at the portal's own hub. */
export function relayedVia(node: Pick<NodeStatus, 'via'> | undefined): RelayedVia | null {
  if (!node?.via) return null;
  const { url } = node.via;
  try {
    return { url, host: new URL(url).host };
  } catch {
    return { url, host: url };
  }
}

import type { FeedBehaviour } from './hostile-node.js';

/** A feed that answers 200 at once, then sends one byte every `intervalMs` and never finishes. */
export function drippingFeed(intervalMs = 1_000): FeedBehaviour {
  return {
    kind: 'raw',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const drip = setInterval(() => res.write(' '), intervalMs);
      res.on('close', () => clearInterval(drip));
    },
  };
}

/** A feed that accepts the request and never answers. */
export function hangingFeed(): FeedBehaviour {
  return { kind: 'raw', handle: () => {} };
}

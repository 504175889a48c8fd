import { loadConfig } from './config/load-config.js';
import { createNode } from './node.js';

// The process entry: configuration from the environment (and $PROMISE_NODE_CONFIG), nothing else.
const node = await createNode(loadConfig());
await node.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void node.close().then(() => process.exit(0));
  });
}

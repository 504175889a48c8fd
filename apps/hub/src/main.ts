import { hubConfigFromEnv } from './config/env.js';
import { createHub } from './create-hub.js';

const hub = await createHub(hubConfigFromEnv());
await hub.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void hub.close().then(() => process.exit(0));
  });
}

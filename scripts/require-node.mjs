// `pnpm start`, `pnpm test` and `pnpm bench` begin here: one clear line on a Node.js that is too old.
import { requireNode } from '../apps/node/bin/require-node.js';

requireNode('PROMISE Network', new URL('../package.json', import.meta.url));

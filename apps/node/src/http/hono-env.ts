import type { IncomingMessage } from 'node:http';
import type { Role } from '../auth/tokens.js';

/** What an authenticated request carries. */
export interface Caller {
  tokenId: string;
  role: Role;
}

/** Hono's environment for the node's app: node-server bindings and per-request variables. */
export interface NodeEnv {
  Bindings: { incoming?: IncomingMessage };
  Variables: { caller: Caller };
}

import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export declare function createPortalServer(
  handler: Promise<(req: IncomingMessage, res: ServerResponse, next: () => void) => void>,
  options?: { maxInFlight?: number },
): Server;

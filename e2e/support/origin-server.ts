import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A web server on its own loopback port — another origin than the node and the hub — serving a
 * page (running `pageScript` as a module) and the given scripts, as a partner's developer would
 * host a page that reads the network from the browser.
 */
export async function startOriginServer(
  scripts: Record<string, string>,
  pageScript = '',
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const script = scripts[path];
    if (script !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><title>Elsewhere</title><h1>Elsewhere</h1><script type="module">${pageScript}</script>`,
      );
    } else {
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

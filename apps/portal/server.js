// Production entry: the portal's server (portal-server.js) on HOST:PORT.
import { createPortalServer } from './portal-server.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8790);

// The handler is loaded once the port is known (it reads ORIGIN when it loads); requests wait.
let loaded;
const handlerReady = new Promise((resolve) => {
  loaded = resolve;
});

const server = createPortalServer(handlerReady);

server.listen(port, host, () => {
  const address = server.address();
  const shown =
    typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
  // adapter-node assumes https when ORIGIN is unset, which would make SvelteKit refuse every form
  // POST to a portal served directly over http. Behind a proxy, set ORIGIN to the public origin.
  process.env.ORIGIN ??= `http://${shown}`;
  import('./build/handler.js').then((module) => {
    loaded(module.handler);
    console.log(`PROMISE portal listening on http://${shown}`);
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

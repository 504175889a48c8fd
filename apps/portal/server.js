// Production entry: the adapter-node handler behind a server that adds the security headers to
// every response, including static assets the handler serves before SvelteKit's hooks run.
import { createServer } from 'node:http';
import { handler } from './build/handler.js';
import { FALLBACK_CSP, SECURITY_HEADERS } from './security-headers.js';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8790);

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader('content-security-policy', FALLBACK_CSP);
  handler(request, response, () => {
    response.statusCode = 404;
    response.end('Not found');
  });
});

server.listen(port, host, () => {
  const address = server.address();
  const shown =
    typeof address === 'object' && address ? `${address.address}:${address.port}` : String(address);
  console.log(`PROMISE portal listening on http://${shown}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

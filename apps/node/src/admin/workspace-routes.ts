import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';

/** No inline script or style anywhere: the workspace loads only its own hashed files. */
export const WORKSPACE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

const MISSING_BUILD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Staff workspace not built</title></head>
<body><h1>The staff workspace has not been built</h1>
<p>This node's API and feed work, but the web workspace at <code>/admin</code> is missing.
From the repository, run <code>pnpm build</code> (or <code>pnpm --filter @promise-global/node build</code>)
and restart the node.</p></body></html>`;

function secure(c: Context) {
  c.header('Content-Security-Policy', WORKSPACE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves the built staff workspace (a single-page app) at `/admin`: hashed assets with a long
 * cache, every other path the app's `index.html` (never cached), all under a strict CSP.
 */
export function workspaceRoutes(ctx: NodeContext) {
  const dir = ctx.config.adminDir;

  async function page(c: Context) {
    secure(c);
    const html = await readOptional(join(dir, 'index.html'));
    c.header('Cache-Control', 'no-cache');
    if (!html) return c.html(MISSING_BUILD, 503);
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(new Uint8Array(html));
  }

  async function file(c: Context, path: string, cache: string) {
    secure(c);
    const body = await readOptional(path);
    if (!body) return c.text('Not found', 404);
    c.header('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
    c.header('Cache-Control', cache);
    return c.body(new Uint8Array(body));
  }

  return new Hono<NodeEnv>()
    .get('/assets/:name', (c) => {
      const name = c.req.param('name');
      if (!FILE_NAME.test(name)) return c.text('Not found', 404);
      return file(c, join(dir, 'assets', name), 'public, max-age=31536000, immutable');
    })
    .get('/favicon.svg', (c) => file(c, join(dir, 'favicon.svg'), 'public, max-age=86400'))
    .get('/', page)
    .get('/*', page);
}

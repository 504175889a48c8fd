import { escapeHtml } from '@promise-global/ui/markdown';
import type { Context, Hono } from 'hono';
import type { HubContext } from '../context.js';

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

function page(c: Context, status: 200 | 400 | 404, title: string, body: string) {
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  c.header('x-content-type-options', 'nosniff');
  return c.html(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111}button{font:inherit;padding:.6rem 1.2rem;min-height:44px}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    status,
  );
}

/**
 * Project 52's open routes: the double opt-in confirmation link, one-click unsubscribe (RFC 8058:
 * GET shows a button, because link scanners prefetch; POST acts), the bulletin feeds and the
 * print view. 404 when the hub does not run Project 52.
 */
export function mountProject52(app: Hono, ctx: HubContext): void {
  const portal = () => ctx.project52?.config.portalUrl ?? '';
  const back = () => `<p><a href="${escapeHtml(portal())}">Back to the PROMISE Network</a></p>`;

  app.get('/subscribe/confirm', async (c) => {
    const p52 = ctx.project52;
    if (!p52) return c.notFound();
    const outcome = await p52.confirm(c.req.query('token') ?? '');
    if (outcome === 'confirmed')
      return page(
        c,
        200,
        'You are subscribed',
        `<p>The Project 52 bulletin will reach you once a week.</p>${back()}`,
      );
    if (outcome === 'expired')
      return page(
        c,
        400,
        'This link has expired',
        `<p>Please subscribe again: a new link will be sent.</p>${back()}`,
      );
    return page(
      c,
      400,
      'This link does not work',
      `<p>It may have been copied incompletely.</p>${back()}`,
    );
  });

  app.get('/unsubscribe', (c) => {
    if (!ctx.project52) return c.notFound();
    const token = c.req.query('token') ?? '';
    return page(
      c,
      200,
      'Unsubscribe from Project 52',
      `<form method="post" action="/unsubscribe?token=${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<p>Stop receiving the weekly Project 52 bulletin?</p><button type="submit">Unsubscribe</button></form>${back()}`,
    );
  });

  app.post('/unsubscribe', async (c) => {
    const p52 = ctx.project52;
    if (!p52) return c.notFound();
    let token = c.req.query('token') ?? '';
    if (token === '') {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      token = typeof form.token === 'string' ? form.token : '';
    }
    const outcome = await p52.unsubscribe(token);
    if (outcome === 'unsubscribed')
      return page(
        c,
        200,
        'You are unsubscribed',
        `<p>No more Project 52 bulletins will be sent to you.</p>${back()}`,
      );
    return page(
      c,
      400,
      'This link does not work',
      `<p>It may have been copied incompletely.</p>${back()}`,
    );
  });

  const feeds = [
    ['/bulletins/rss.xml', 'rss', 'application/rss+xml; charset=utf-8'],
    ['/bulletins/atom.xml', 'atom', 'application/atom+xml; charset=utf-8'],
    ['/bulletins/feed.json', 'json', 'application/feed+json; charset=utf-8'],
  ] as const;
  for (const [path, kind, type] of feeds) {
    app.get(path, async (c) => {
      if (!ctx.project52) return c.notFound();
      const built = await ctx.project52.feeds();
      return c.body(built[kind], 200, { 'content-type': type });
    });
  }

  app.get('/bulletins/:week/print', async (c) => {
    if (!ctx.project52) return c.notFound();
    const html = await ctx.project52.print(c.req.param('week'));
    if (html === null) return c.notFound();
    c.header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src https:; frame-ancestors 'none'",
    );
    c.header('x-content-type-options', 'nosniff');
    return c.html(html);
  });
}

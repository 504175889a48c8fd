import { escapeHtml } from '@promise-global/ui/markdown';
import type { Context, Hono } from 'hono';
import type { HubContext } from '../context.js';
import { styleHashSource } from '../http/style-hash.js';
import { PRINT_CSS } from '../project52/bulletin/print.js';
import { UNSUBSCRIBE_LINK_DAYS } from '../project52/mailing/tokens.js';
import { configuredPortal } from '../syndication/portal-links.js';

const PAGE_CSS =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#111}button{font:inherit;padding:.6rem 1.2rem;min-height:44px}';

// Each page's one stylesheet is allowed by its hash: no 'unsafe-inline' anywhere.
const PAGE_CSP = `default-src 'none'; style-src ${styleHashSource(PAGE_CSS)}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;
const PRINT_CSP = `default-src 'none'; style-src ${styleHashSource(PRINT_CSS)}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** The confirmation and unsubscribe pages speak to one reader about their address: never cached. */
function page(c: Context, status: 200 | 400 | 404, title: string, body: string) {
  c.header('content-security-policy', PAGE_CSP);
  c.header('cache-control', 'no-store');
  return c.html(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    status,
  );
}

/**
 * Project 52's open routes: the double opt-in confirmation link, one-click unsubscribe (RFC 8058:
 * GET shows a button, because link scanners prefetch; POST acts) and the print view (the bulletin
 * feeds are served with the hub's other feeds). 404 when the hub does not run Project 52.
 */
export function mountProject52(app: Hono, ctx: HubContext): void {
  const portal = () => configuredPortal(ctx.config)?.home ?? '';
  const back = () => `<p><a href="${escapeHtml(portal())}">Back to the PROMISE Network</a></p>`;

  app.get('/subscribe/confirm', async (c) => {
    const p52 = ctx.project52;
    if (!p52) return c.notFound();
    const outcome = await p52.confirm(c.req.query('token') ?? '');
    if (outcome === 'confirmed' || outcome === 'already_confirmed')
      return page(
        c,
        200,
        outcome === 'confirmed' ? 'You are subscribed' : 'You were already subscribed',
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
    if (outcome === 'expired')
      return page(
        c,
        400,
        'This unsubscribe link has expired',
        `<p>Unsubscribe links work for ${UNSUBSCRIBE_LINK_DAYS} days, so a forwarded bulletin cannot unsubscribe its first reader for ever. Use the link in your latest bulletin.</p>${back()}`,
      );
    return page(
      c,
      400,
      'This link does not work',
      `<p>It may have been copied incompletely.</p>${back()}`,
    );
  });

  app.get('/bulletins/:week/print', async (c) => {
    if (!ctx.project52) return c.notFound();
    const html = await ctx.project52.print(c.req.param('week'));
    if (html === null) return c.notFound();
    c.header('content-security-policy', PRINT_CSP);
    return c.html(html);
  });
}

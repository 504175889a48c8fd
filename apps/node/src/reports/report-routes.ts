import { isProtocolError } from '@promise-global/sdk';
import { verifyProblemReport } from '@promise-global/sdk/verify';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { NodeEnv } from '../http/hono-env.js';
import { HubKeys } from './hub-keys.js';
import { listReports, resolveReport, storeReport } from './problem-reports.js';

/** A delivery is one short signed token. */
const MAX_DELIVERY_BYTES = 16_384;

/**
 * `POST /hub/problem-reports`: the hub hands this node a reader's report about one of its
 * listings, signed with the hub's key (protocol §8.4). Only the configured hub's signature is
 * taken; anything else is refused with 401 and nothing is stored.
 */
export function hubReportRoutes(ctx: NodeContext, hubKeys = hubKeysOf(ctx)) {
  return new Hono<NodeEnv>()
    .use(
      bodyLimit({
        maxSize: MAX_DELIVERY_BYTES,
        onError: () => {
          throw new NodeError(413, 'BODY_TOO_LARGE', 'A delivery is at most 16 KiB');
        },
      }),
    )
    .post('/', async (c) => {
      if (!hubKeys) throw new NodeError(404, 'NO_HUB', 'This node has no hub configured');
      const body = (await c.req.text()).trim();
      const options = async () => ({
        hubKeys: await hubKeys.current(),
        hub: hubKeys.hubUrl,
        aud: ctx.signer.iss(),
      });
      let delivery: Awaited<ReturnType<typeof verifyProblemReport>>;
      try {
        try {
          delivery = await verifyProblemReport(body, await options());
        } catch (error) {
          // The hub may have rotated its key: read its keys again (at most once a minute).
          if (!isProtocolError(error) || error.code !== 'UNKNOWN_KID' || !(await hubKeys.refresh()))
            throw error;
          delivery = await verifyProblemReport(body, await options());
        }
      } catch (error) {
        if (isProtocolError(error)) {
          ctx.log.warn({ code: error.code }, 'problem report refused');
          throw new NodeError(401, error.code, 'Not a problem report signed by this node’s hub');
        }
        ctx.log.warn({ err: error }, 'hub keys unavailable');
        throw new NodeError(503, 'HUB_KEYS_UNAVAILABLE', 'The hub’s keys could not be read');
      }
      if (delivery.report.partnerId !== ctx.config.partnerId)
        throw new NodeError(422, 'WRONG_PARTNER', 'The report is about another partner’s listing');
      const stored = await ctx.database.write((tx) => storeReport(tx, delivery.report));
      ctx.log.info({ report: delivery.report.id, stored }, 'problem report received');
      return c.json({ status: stored ? 'stored' : 'already_stored' }, 202);
    });
}

function hubKeysOf(ctx: NodeContext): HubKeys | undefined {
  return ctx.config.hubUrl ? new HubKeys(ctx.config.hubUrl) : undefined;
}

const InboxQuery = z.object({ status: z.enum(['open', 'resolved']).default('open') });

/** `/api/problem-reports`: the workspace inbox of readers' reports, and resolving one. */
export function inboxRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => {
      const query = InboxQuery.safeParse({ status: c.req.query('status') ?? undefined });
      if (!query.success)
        throw new NodeError(400, 'VALIDATION_FAILED', 'status is open or resolved');
      return c.json(await ctx.database.read((db) => listReports(db, query.data.status)));
    })
    .post('/:id/resolve', async (c) =>
      c.json(await resolveReport(ctx.database, c.req.param('id'), c.get('caller').tokenId)),
    );
}

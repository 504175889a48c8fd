import type { AdoptionView, InnovationHit } from '@promise-global/sdk/client/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import { Hono } from 'hono';
import { z } from 'zod';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { NodeEnv } from '../http/hono-env.js';
import { listAdoptions } from '../resources/adoptions.js';
import { parseFields } from './validation.js';

const HUB_TIMEOUT_MS = 5_000;

/** A piece of another partner as staff see it before they take it up. */
export interface NetworkPiece {
  partnerId: string;
  id: string;
  title: string;
  summary: string;
  country: string | null;
  takenUpBy: number;
}

/** One network piece with what staff need to start an adoption: the hash of the version read. */
export interface NetworkPieceDetail extends NetworkPiece {
  partnerName: string;
  hash: string;
  body: string;
  setting: string;
  evidenceLevel: string;
  /** Who else has taken it up (from the hub), and this partner's own adoption, if any. */
  adoptions: AdoptionView[];
  ours: {
    id: string;
    rev: number;
    stage: string;
    date: string;
    note: string;
    contactRole: string;
  } | null;
}

const SearchQuery = z.object({ q: z.string().trim().max(200).optional() });
const PieceParams = z.object({
  partner: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  id: z.string().uuid(),
});

function piece(hit: InnovationHit): NetworkPiece {
  return {
    partnerId: hit.partnerId,
    id: hit.id,
    title: hit.title,
    summary: hit.summary,
    country: hit.country,
    takenUpBy: hit.takenUpBy ?? 0,
  };
}

/**
 * `/api/network`: the rest of the network as the hub serves it, read on the node's behalf (the
 * workspace only ever talks to its own node): other partners' pieces to take up, and who has
 * taken up this partner's pieces. 503 `NO_HUB` without a configured hub (`taken-up` then answers
 * `hub: false`); 502 `HUB_UNAVAILABLE`
 * when it does not answer.
 */
export function networkRoutes(ctx: NodeContext) {
  const hub = () => {
    const hubUrl = ctx.config.hubUrl;
    if (!hubUrl) {
      throw new NodeError(
        503,
        'NO_HUB',
        'No hub is configured for this node, so the network cannot be read',
      );
    }
    return new HubClient({ baseUrl: hubUrl, timeoutMs: HUB_TIMEOUT_MS, retries: 0 });
  };
  const ask = async <T>(question: (client: HubClient) => Promise<T>): Promise<T> => {
    const client = hub();
    try {
      return await question(client);
    } catch (error) {
      // Logged with its cause; staff get one plain message (a timeout, a refusal or a bad answer).
      ctx.log.warn({ err: error }, 'hub read failed');
      throw new NodeError(
        502,
        'HUB_UNAVAILABLE',
        'The network hub did not answer; try again shortly',
      );
    }
  };
  const self = ctx.config.partnerId;

  return (
    new Hono<NodeEnv>()
      .get('/pieces', async (c) => {
        const { q } = parseFields(SearchQuery, { q: c.req.query('q') });
        const page = await ask((client) =>
          client.searchInnovations({ ...(q ? { q } : { sort: 'newest' }), limit: 50 }),
        );
        return c.json({ items: page.items.filter((hit) => hit.partnerId !== self).map(piece) });
      })
      .get('/pieces/:partner/:id', async (c) => {
        const { partner, id } = parseFields(PieceParams, c.req.param());
        const [record, adoptions, partners] = await ask((client) =>
          Promise.all([
            client.getRecord({ partnerId: partner, type: 'innovation', id }),
            client.adoptions({ piece: { partnerId: partner, recordId: id } }),
            client.partners(),
          ]),
        );
        if (!record || record.data === null) {
          throw new NodeError(
            404,
            'NOT_FOUND',
            'The hub has no such piece (it may have been withdrawn)',
          );
        }
        const ours = (await ctx.database.read((db) => listAdoptions(db))).find(
          (row) => row.data.piece.partnerId === partner && row.data.piece.recordId === id,
        );
        const data = record.data;
        const owner = partners.find((p) => p.partnerId === partner);
        return c.json<NetworkPieceDetail>({
          partnerId: partner,
          id,
          title: data.title,
          summary: data.summary,
          country: owner?.country ?? null,
          takenUpBy: adoptions.filter((a) => a.stage !== 'stopped').length,
          partnerName: owner?.name ?? partner,
          hash: record.hash,
          body: data.body,
          setting: data.setting,
          evidenceLevel: data.evidenceLevel,
          adoptions: adoptions.filter((a) => a.partnerId !== self),
          ours: ours
            ? {
                id: ours.data.id,
                rev: ours.rev,
                stage: ours.data.stage,
                date: ours.data.date,
                note: ours.data.note,
                contactRole: ours.data.contactRole,
              }
            : null,
        });
      })
      // The dashboard asks on every visit: a node not yet enrolled anywhere is normal, not an error.
      .get('/taken-up', async (c) => {
        if (!ctx.config.hubUrl) return c.json({ hub: false, items: [] });
        return c.json({
          hub: true,
          items: await ask((client) => client.adoptions({ ofPartner: self })),
        });
      })
  );
}

import type {
  AdoptionView,
  Project52Bulletin,
  Project52BulletinSummary,
} from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';
import { listAdoptions } from '../index/adoptions.js';
import {
  type AlsoNewItem,
  type Bulletin,
  bulletinSubject,
  weekLabel,
} from '../project52/bulletin/bulletin.js';
import { renderBulletinPage } from '../project52/bulletin/page.js';
import { type IsoWeek, isoWeekMonday } from '../project52/schedule/iso-week.js';
import type { PortalLinks } from '../syndication/portal-links.js';
import { splitPiece } from './decisions.js';
import { pieceDetails } from './piece-details.js';

const DAY_MS = 86_400_000;

/**
 * One week's bulletin from what the hub holds now: the piece from the node's latest signed record,
 * and "also new in the network": services changed in the week before, and recent published pieces.
 * Null when the piece's record is gone (withdrawn by tombstone).
 */
export async function buildBulletin(
  db: HubDatabase,
  links: PortalLinks,
  week: IsoWeek,
  piece: string,
  publishedAt: Date,
): Promise<Bulletin | null> {
  const detail = (await pieceDetails(db)).get(piece);
  const data = detail?.data;
  if (!data) return null;
  const { partnerId, recordId } = splitPiece(piece);
  const since = new Date(
    Math.min(isoWeekMonday(week).getTime(), publishedAt.getTime()) - 7 * DAY_MS,
  ).toISOString();
  const [services, pieces, adoptions] = await Promise.all([
    db.$client.execute({
      sql: `SELECT s.partner_id, s.record_id, s.name, coalesce(json_extract(n.partner, '$.name'), n.name) AS partner_name FROM services s JOIN nodes n ON n.id = s.node_id
        WHERE s.updated_at >= ? AND s.status = 'active' ORDER BY s.updated_at DESC, s.rowid DESC LIMIT 5`,
      args: [since],
    }),
    db.$client.execute({
      sql: `SELECT i.partner_id, i.record_id, i.title, coalesce(json_extract(n.partner, '$.name'), n.name) AS partner_name FROM innovations i JOIN nodes n ON n.id = i.node_id
        WHERE i.status = 'published' AND NOT (i.partner_id = ? AND i.record_id = ?)
        ORDER BY coalesce(i.published_at, i.updated_at) DESC, i.rowid DESC LIMIT 3`,
      args: [partnerId, recordId],
    }),
    listAdoptions(db, {}),
  ]);
  return {
    week,
    url: links.bulletin(week),
    publishedAt,
    piece: {
      recordId,
      title: data.title,
      partnerName: detail.partnerName ?? partnerId,
      themes: data.themes,
      kind: data.kind,
      summary: data.summary,
      body: data.body,
      setting: data.setting,
      contact: data.contact,
      caseStudy: data.caseStudy,
      url: links.innovation(partnerId, recordId),
    },
    alsoNew: {
      services: services.rows.map((row) => ({
        title: String(row.name),
        partnerName: String(row.partner_name),
        url: links.service(String(row.partner_id), String(row.record_id)),
      })),
      pieces: pieces.rows.map((row) => ({
        title: String(row.title),
        partnerName: String(row.partner_name),
        url: links.innovation(String(row.partner_id), String(row.record_id)),
      })),
      adoptions: adoptionNews(adoptions, since, links),
    },
  };
}

const STAGE_WORDS = {
  exploring: 'is exploring',
  piloting: 'is piloting',
  adopted: 'has adopted',
  stopped: 'has stopped using',
} as const;

/**
 * "Also new": adoptions of earlier pieces signed in the week before (newest first, at most five),
 * only of pieces still in the network.
 */
function adoptionNews(
  adoptions: readonly AdoptionView[],
  since: string,
  links: PortalLinks,
): AlsoNewItem[] {
  return adoptions
    .filter(
      (a) => a.updatedAt >= since && a.piece.title !== null && a.referenceStatus !== 'withdrawn',
    )
    .toSorted((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((a) => ({
      title: `${a.partnerName} ${STAGE_WORDS[a.stage]} “${a.piece.title}”`,
      partnerName: a.piece.partnerName ?? a.piece.partnerId,
      url: links.innovation(a.piece.partnerId, a.piece.recordId),
    }));
}

/** A bulletin as stored (JSON) back into a `Bulletin`. */
export function reviveBulletin(json: string): Bulletin {
  const parsed = JSON.parse(json) as Omit<Bulletin, 'publishedAt'> & { publishedAt: string };
  return { ...parsed, publishedAt: new Date(parsed.publishedAt) };
}

const PORTAL_PAGE = /\/(innovations|services)\/([^/]+)\/([^/]+)$/;

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

function relinked(item: AlsoNewItem, links: PortalLinks): AlsoNewItem {
  const match = PORTAL_PAGE.exec(pathOf(item.url));
  if (!match) return item;
  const [, kind, partnerId = '', recordId = ''] = match;
  const page = kind === 'services' ? links.service : links.innovation;
  return { ...item, url: page(decodeURIComponent(partnerId), decodeURIComponent(recordId)) };
}

/**
 * A frozen bulletin with its portal links rebuilt from the portal as configured now: what was
 * sent stays as sent, but pages served today never point at an old portal address.
 */
export function withPortalLinks(bulletin: Bulletin, piece: string, links: PortalLinks): Bulletin {
  const { partnerId, recordId } = splitPiece(piece);
  return {
    ...bulletin,
    url: links.bulletin(bulletin.week),
    piece: { ...bulletin.piece, url: links.innovation(partnerId, recordId) },
    alsoNew: {
      services: bulletin.alsoNew.services.map((item) => relinked(item, links)),
      pieces: bulletin.alsoNew.pieces.map((item) => relinked(item, links)),
      ...(bulletin.alsoNew.adoptions
        ? { adoptions: bulletin.alsoNew.adoptions.map((item) => relinked(item, links)) }
        : {}),
    },
  };
}

/** Sent weeks, newest first, as frozen when their run started. */
export async function sentBulletins(
  db: HubDatabase,
  limit = 520,
): Promise<{ bulletin: Bulletin; piece: string; startedAt: string }[]> {
  const result = await db.$client.execute({
    sql: 'SELECT piece, bulletin, started_at FROM p52_week_sends WHERE started_at IS NOT NULL ORDER BY week DESC LIMIT ?',
    args: [limit],
  });
  return result.rows.map((row) => ({
    bulletin: reviveBulletin(String(row.bulletin)),
    piece: String(row.piece),
    startedAt: String(row.started_at),
  }));
}

export function bulletinSummary(
  bulletin: Bulletin,
  piece: string,
  sentAt: string,
): Project52BulletinSummary {
  const { partnerId, recordId } = splitPiece(piece);
  return {
    week: bulletin.week,
    label: weekLabel(bulletin.week),
    subject: bulletinSubject(bulletin),
    title: bulletin.piece.title,
    partnerId,
    recordId,
    partnerName: bulletin.piece.partnerName,
    summary: bulletin.piece.summary,
    themes: [...bulletin.piece.themes],
    sentAt,
    url: bulletin.url,
  };
}

export function bulletinView(
  bulletin: Bulletin,
  piece: string,
  sentAt: string | null,
): Project52Bulletin {
  const { partnerId, recordId } = splitPiece(piece);
  return {
    week: bulletin.week,
    label: weekLabel(bulletin.week),
    status: sentAt === null ? 'scheduled' : 'sent',
    subject: bulletinSubject(bulletin),
    sentAt,
    url: bulletin.url,
    piece: {
      partnerId,
      recordId,
      title: bulletin.piece.title,
      partnerName: bulletin.piece.partnerName,
      themes: [...bulletin.piece.themes],
      kind: bulletin.piece.kind,
      summary: bulletin.piece.summary,
      setting: bulletin.piece.setting ?? null,
      url: bulletin.piece.url,
    },
    alsoNew: {
      services: bulletin.alsoNew.services.map((item) => ({ ...item })),
      pieces: bulletin.alsoNew.pieces.map((item) => ({ ...item })),
      adoptions: (bulletin.alsoNew.adoptions ?? []).map((item) => ({ ...item })),
    },
    html: renderBulletinPage(bulletin),
  };
}

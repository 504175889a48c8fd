import type { Innovation, Organisation, Service } from '@promise-global/schema';

export type { AdoptionView } from '@promise-global/sdk/client/hub';
// The server's own response types: one definition, shared with the workspace as types only.
export type { NetworkPiece, NetworkPieceDetail } from '../../../src/api/network-routes.js';
export type { FederationStatus } from '../../../src/api/status-routes.js';
export type { InboxReport } from '../../../src/reports/problem-reports.js';
export type { InnovationRevision } from '../../../src/resources/innovation-revisions.js';
export type { ReviewAgenda } from '../../../src/resources/review-agenda.js';
export type { Innovation, Organisation, Service };

export interface Items<T> {
  items: { rev: number; data: T }[];
}

/** One page of a node list (`GET /api/services` and the like). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  total: number;
}

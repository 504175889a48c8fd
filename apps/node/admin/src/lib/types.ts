import type { Innovation, Organisation, Service } from '@promise-global/schema';

export type { Innovation, Organisation, Service };

export interface FederationStatus {
  partnerId: string;
  nodeUrl: string;
  kid: string;
  head: { seq: number; hash: string; signedAt: string | null };
  hub: {
    url: string;
    node: {
      state: string;
      health: string;
      cursorSeq: number;
      headSeq: number;
      lastSuccessAt: string | null;
      lastError: { code: string; message: string; at: string } | null;
    } | null;
    error: string | null;
    checkedAt: string;
  } | null;
}

export interface InnovationRevision {
  rev: number;
  seq: number;
  publishedAt: string;
  change: string;
  title: string | null;
  words: number | null;
}

export interface Items<T> {
  items: { rev: number; data: T }[];
}

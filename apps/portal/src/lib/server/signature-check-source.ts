import type { RecordDetail } from '@promise-global/sdk/client/hub';
import type { SignatureCheckSource } from '#lib/signature-check.js';
import { getPortal } from './portal.js';

/** Where the reader's browser fetches this record and its node's keys to check it itself. */
export function signatureCheckSource(record: RecordDetail): SignatureCheckSource {
  const path = [record.partnerId, record.type, record.id].map(encodeURIComponent).join('/');
  return {
    recordUrl: `${getPortal().config.hubPublicUrl}/records/${path}`,
    nodeUrl: record.nodeUrl,
    partnerId: record.partnerId,
    shownJws: record.jws,
  };
}

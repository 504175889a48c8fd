import { matchesFingerprint } from '@promise-global/sdk/keys';
import { eq } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { pendingEnrolments } from '../db/schema/index.js';
import { pinEnrolment } from './enrol-node.js';
import { EnrolmentError } from './enrolment-error.js';
import { applyRepin } from './node-admin.js';
import { takePending } from './pending-enrolment.js';

/**
 * The operator's approval of a pending enrolment or re-pin (docs/protocol.md §3.1): only when
 * `fingerprint`, obtained from the partner out of band, is that of the key that signed the held
 * descriptor are its keys pinned and a membership statement issued. The caller starts the sync.
 */
export async function approveEnrolment(
  ctx: HubContext,
  partnerId: string,
  fingerprint: string,
  now = Date.now(),
) {
  const pending = await takePending(ctx, partnerId, now);
  if (!matchesFingerprint(pending.signerKid, fingerprint)) {
    ctx.log.warn(
      { node: pending.url, partnerId, kind: pending.kind },
      'fingerprint refused: not the key that signed the pending descriptor',
    );
    throw new EnrolmentError(
      'FINGERPRINT_MISMATCH',
      `${fingerprint.trim()} is not the fingerprint of the key that signed ${pending.url}'s descriptor; nothing was pinned`,
    );
  }
  const row =
    pending.kind === 'enrol' ? await pinEnrolment(ctx, pending) : await applyRepin(ctx, pending);
  await ctx.db.delete(pendingEnrolments).where(eq(pendingEnrolments.partnerId, partnerId));
  return row;
}

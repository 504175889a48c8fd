import type { NodeContext } from '../context.js';
import { write } from '../write.js';
import { findPartner, putPartner } from './partner.js';

/** Publishes the config's `partner` profile when the node has none yet (first start). */
export async function seedPartnerProfile(ctx: NodeContext): Promise<void> {
  const fields = ctx.config.partner;
  if (!fields) return;
  const partnerId = ctx.config.partnerId;
  await write(ctx, async (w) => {
    if (await findPartner(w.tx, partnerId)) return;
    await putPartner(w, { partnerId, baseUrl: ctx.signer.iss() }, fields);
    ctx.log.info({ partnerId }, 'published the partner profile from the config');
  });
}

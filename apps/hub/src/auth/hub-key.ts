import {
  generateSigningKey,
  type JWK,
  type SigningKey,
  signingKeyFromJwk,
} from '@promise-global/sdk/keys';
import { asc } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { hubKeys } from '../db/schema/index.js';

/**
 * The hub's Ed25519 signing key: the configured one, else the one stored in the database, else a
 * new one created and stored on first start (the hub's identity survives restarts).
 */
export async function loadHubKey(
  db: HubDatabase,
  configured: JWK | undefined,
): Promise<SigningKey> {
  if (configured) return signingKeyFromJwk(configured);
  const [stored] = await db.select().from(hubKeys).orderBy(asc(hubKeys.createdAt)).limit(1);
  if (stored) return signingKeyFromJwk(stored.privateJwk as JWK);
  const key = await generateSigningKey();
  await db
    .insert(hubKeys)
    .values({
      kid: key.kid,
      privateJwk: { ...key.privateJwk },
      publicJwk: { ...key.publicJwk },
      createdAt: Date.now(),
    })
    .onConflictDoNothing();
  return key;
}

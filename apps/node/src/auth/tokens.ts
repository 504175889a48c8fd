import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { apiTokens } from '../db/schema.js';
import { notFound } from '../errors.js';

export const ROLES = ['editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A token as listed: never the secret, which exists only in the creator's hands. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

const PREFIX = 'pnt_';

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Creates a token; the returned `token` is shown once and stored only as its SHA-256. */
export async function createToken(
  db: Queryable,
  input: { name: string; role: Role },
): Promise<TokenInfo & { token: string }> {
  const id = randomBytes(6).toString('hex');
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const info: TokenInfo = {
    id,
    name: input.name,
    role: input.role,
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  await db.insert(apiTokens).values({ ...info, tokenHash: hashToken(token) });
  return { ...info, token };
}

export async function listTokens(db: Queryable): Promise<TokenInfo[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      createdAt: apiTokens.createdAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(asc(apiTokens.createdAt));
}

export async function revokeToken(db: Queryable, id: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw notFound('active token', id);
}

/** The live token a presented secret belongs to, or `undefined`. */
export async function findToken(
  db: Queryable,
  secret: string,
): Promise<{ id: string; name: string; role: Role } | undefined> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return undefined;
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row;
}

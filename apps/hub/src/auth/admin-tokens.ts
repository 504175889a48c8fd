import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { type AdminRole, adminTokens } from '../db/schema/index.js';

/** Only the SHA-256 of a token is stored; a token has 256 bits of entropy, so no slow hash is needed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AdminIdentity {
  tokenId: number;
  name: string;
  role: AdminRole;
}

/** Creates a token for `role` (or keeps an existing one as it is); the value is shown once and never stored. */
export async function createAdminToken(
  db: HubDatabase,
  input: { name: string; role: AdminRole; token?: string },
): Promise<{ id: number; name: string; role: AdminRole; token: string }> {
  const token = input.token ?? `phub_${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(adminTokens)
    .values({
      name: input.name,
      role: input.role,
      tokenHash: hashToken(token),
      createdAt: Date.now(),
    })
    // A token that exists already is kept as it is: a revoked bootstrap token stays revoked
    // across restarts, whatever the configuration still says.
    .onConflictDoNothing({ target: adminTokens.tokenHash })
    .returning({ id: adminTokens.id });
  const id =
    row?.id ??
    (
      await db
        .select({ id: adminTokens.id })
        .from(adminTokens)
        .where(eq(adminTokens.tokenHash, hashToken(token)))
    )[0]?.id;
  if (id === undefined) throw new Error('token insert returned no row');
  return { id, name: input.name, role: input.role, token };
}

/** The identity behind a bearer token, or `undefined` for unknown or revoked tokens. */
export async function authenticateToken(
  db: HubDatabase,
  token: string,
): Promise<AdminIdentity | undefined> {
  const [row] = await db
    .select()
    .from(adminTokens)
    .where(and(eq(adminTokens.tokenHash, hashToken(token)), isNull(adminTokens.revokedAt)))
    .limit(1);
  return row ? { tokenId: row.id, name: row.name, role: row.role } : undefined;
}

export async function revokeAdminToken(db: HubDatabase, id: number): Promise<boolean> {
  const rows = await db
    .update(adminTokens)
    .set({ revokedAt: Date.now() })
    .where(and(eq(adminTokens.id, id), isNull(adminTokens.revokedAt)))
    .returning({ id: adminTokens.id });
  return rows.length > 0;
}

/** An admin token as an operator lists it: never its value or hash. */
export interface AdminTokenSummary {
  id: number;
  name: string;
  role: AdminRole;
  createdAt: string;
  revokedAt: string | null;
}

export async function listAdminTokens(db: HubDatabase): Promise<AdminTokenSummary[]> {
  const rows = await db.select().from(adminTokens).orderBy(adminTokens.id);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: new Date(row.createdAt).toISOString(),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt).toISOString(),
  }));
}

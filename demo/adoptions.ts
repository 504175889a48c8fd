import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADOPTION_STAGES } from '@promise-global/schema';
import type { HubClient } from '@promise-global/sdk/client/hub';
import { z } from 'zod';

/** One partner taking up another's piece, stage by stage (each stage is a new signed revision). */
export const DemoAdoption = z.object({
  adopter: z.string(),
  piece: z.object({ partnerId: z.string(), recordId: z.string().uuid() }),
  contactRole: z.string(),
  stages: z
    .array(z.object({ stage: z.enum(ADOPTION_STAGES), date: z.iso.date(), note: z.string() }))
    .min(1),
});
export type DemoAdoption = z.infer<typeof DemoAdoption>;

export async function loadDemoAdoptions(
  dir = join(import.meta.dirname, 'content'),
): Promise<DemoAdoption[]> {
  return z
    .array(DemoAdoption)
    .parse(JSON.parse(await readFile(join(dir, 'adoptions.json'), 'utf8')));
}

/**
 * First run, after every partner's content is on the hub: each adopter's staff say, through their
 * own node's API, that they are trying another partner's piece, naming the hash of the version
 * the hub serves, then move it on stage by stage. The hub then collects the adopters' feeds.
 */
export async function seedAdoptions(
  adoptions: readonly DemoAdoption[],
  nodes: ReadonlyArray<{ partnerId: string; url: string; adminToken: string }>,
  hub: HubClient,
  log: (line: string) => void,
): Promise<void> {
  for (const adoption of adoptions) {
    const node = nodes.find((candidate) => candidate.partnerId === adoption.adopter);
    if (!node) throw new Error(`demo adoption by unknown partner ${adoption.adopter}`);
    const record = await hub.getRecord({
      ...adoption.piece,
      id: adoption.piece.recordId,
      type: 'innovation',
    });
    if (!record) throw new Error(`demo adoption of unknown piece ${adoption.piece.recordId}`);
    const call = async (method: string, path: string, body: unknown, rev?: number) => {
      const response = await fetch(`${node.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${node.adminToken}`,
          'content-type': 'application/json',
          ...(rev === undefined ? {} : { 'if-match': `"${rev}"` }),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { rev: number; data: { id: string } };
    };
    let saved: { rev: number; data: { id: string } } | undefined;
    for (const stage of adoption.stages) {
      const body = {
        piece: { ...adoption.piece, hash: record.hash },
        contactRole: adoption.contactRole,
        ...stage,
      };
      saved = saved
        ? await call('PUT', `/api/adoptions/${saved.data.id}`, body, saved.rev)
        : await call('POST', '/api/adoptions', body);
    }
  }
  for (const node of nodes) await hub.syncNode({ partnerId: node.partnerId });
  log(`seeded ${adoptions.length} adoptions between the demo partners`);
}

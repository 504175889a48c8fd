import { rotateSigningKey } from '@promise-global/node';
import type { SoakNode } from './soak-node.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same schedule. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Operation =
  | 'createService'
  | 'editService'
  | 'deleteService'
  | 'createInnovation'
  | 'editInnovation'
  | 'withdrawInnovation'
  | 'rotateKey'
  | 'outage';

const WEIGHTS: [Operation, number][] = [
  ['createService', 26],
  ['editService', 24],
  ['deleteService', 7],
  ['createInnovation', 16],
  ['editInnovation', 12],
  ['withdrawInnovation', 6],
  ['rotateKey', 2],
  ['outage', 2],
];

export interface ScheduleHooks {
  /** Whether the hub has applied the node's latest rotation (a second one waits for it, §9.2). */
  rotationApplied(node: SoakNode): Promise<boolean>;
  /** Restarts a node after an outage of the given length. */
  outage(node: SoakNode, ms: number): void;
}

/** The live items a node has, so edits, deletions and withdrawals pick real ones. */
interface Items {
  services: string[];
  innovations: string[];
}

export function serviceBody(node: SoakNode, name: string) {
  return {
    organisationId: node.organisationId,
    name,
    description: 'A fictional crisis line answered by trained volunteers.',
    urgency: 'urgent',
    categories: ['crisis'],
    available24x7: true,
    phones: [{ number: '01632 960001' }],
    serviceAreas: [{ name: 'Hampshire' }],
    referralRoutes: [{ route: 'self' }],
  };
}

export function innovationBody(title: string) {
  return {
    title,
    summary: 'A short fictional summary of a change that helped people in crisis.',
    body: 'People in crisis found a calm place to talk. Volunteers with lived experience listened.',
    kind: 'innovation',
    themes: ['crisis_care'],
    setting: 'Community crisis team',
    evidenceLevel: 'pilot',
    contact: { role: 'Team manager', email: 'team@example.org' },
  };
}

async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/**
 * Runs one seeded operation against one node that is up; returns what it did (or `skip` when the
 * pick had nothing to act on). Every node change goes through the node's HTTP API, except key
 * rotation, which is the node's own `rotateSigningKey` (what `promise-node key rotate` runs).
 */
export async function runOperation(
  random: () => number,
  node: SoakNode,
  items: Items,
  hooks: ScheduleHooks,
  serial: number,
): Promise<Operation | 'skip'> {
  let roll = random() * WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let operation: Operation = 'createService';
  for (const [name, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) {
      operation = name;
      break;
    }
  }
  const pick = (list: string[]) => list[Math.floor(random() * list.length)];
  switch (operation) {
    case 'createService': {
      const body = serviceBody(node, `${node.partnerId} crisis line ${serial}`);
      const created = (await expectStatus(
        await node.api('POST', '/api/services', body),
        201,
        'create service',
      )) as { data: { id: string } };
      items.services.push(created.data.id);
      return operation;
    }
    case 'editService': {
      const id = pick(items.services);
      if (!id) return 'skip';
      const body = serviceBody(node, `${node.partnerId} edited line ${serial}`);
      await expectStatus(await node.api('PUT', `/api/services/${id}`, body), 200, 'edit service');
      return operation;
    }
    case 'deleteService': {
      const id = pick(items.services);
      if (!id) return 'skip';
      await expectStatus(await node.api('DELETE', `/api/services/${id}`), 204, 'delete service');
      items.services.splice(items.services.indexOf(id), 1);
      return operation;
    }
    case 'createInnovation': {
      const created = (await expectStatus(
        await node.api('POST', '/api/innovations', innovationBody(`Soak write-up ${serial}`)),
        201,
        'create write-up',
      )) as { data: { id: string } };
      await expectStatus(
        await node.api('POST', `/api/innovations/${created.data.id}/submit`, {
          confirmPersonalData: true,
        }),
        200,
        'submit write-up',
      );
      items.innovations.push(created.data.id);
      return operation;
    }
    case 'editInnovation': {
      const id = pick(items.innovations);
      if (!id) return 'skip';
      await expectStatus(
        await node.api(
          'PUT',
          `/api/innovations/${id}?confirmPersonalData=true`,
          innovationBody(`Soak write-up edited ${serial}`),
        ),
        200,
        'edit write-up',
      );
      return operation;
    }
    case 'withdrawInnovation': {
      const id = pick(items.innovations);
      if (!id) return 'skip';
      await expectStatus(
        await node.api('POST', `/api/innovations/${id}/withdraw`),
        200,
        'withdraw write-up',
      );
      items.innovations.splice(items.innovations.indexOf(id), 1);
      return operation;
    }
    case 'rotateKey': {
      if (!node.node || !(await hooks.rotationApplied(node))) return 'skip';
      await rotateSigningKey(node.node.context);
      return operation;
    }
    case 'outage': {
      await node.stop();
      hooks.outage(node, 1_000 + Math.floor(random() * 5_000));
      return operation;
    }
  }
}

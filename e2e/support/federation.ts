import { createHub, type Hub } from '@promise-global/hub';
import { createNode, type PromiseNode } from '@promise-global/node';
import type {
  CountryCode,
  Innovation,
  InnovationInput,
  OrganisationInput,
  ServiceInput,
} from '@promise-global/schema';

export const OPERATOR_TOKEN = 'e2e-operator-token-0123456789abcdef';

/** A hub on loopback (loopback explicitly allowed) with its schedule off: syncs come from pings. */
export async function startHub(databaseUrl: string): Promise<Hub> {
  const hub = await createHub({
    database: { url: databaseUrl },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    logLevel: 'silent',
    harvest: { schedule: false },
  });
  await hub.start();
  return hub;
}

export interface RunningNode {
  node: PromiseNode;
  url: string;
  partnerId: string;
  /** Calls the node's authoring API with an editor token. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

/** A real partner node (apps/node) on loopback that pings `hubUrl` after each change. */
export async function startNode(
  partnerId: string,
  country: CountryCode,
  hubUrl: string,
): Promise<RunningNode> {
  const node = await createNode({
    partnerId,
    databaseUrl: ':memory:',
    port: 0,
    hubUrl,
    logLevel: 'silent',
    pingBackoffMs: 20,
    partner: {
      name: `Partner ${partnerId}`,
      country,
      website: 'https://example.org/',
      contactEmail: `network@${partnerId}.example.org`,
      description: 'A fictional partner in the federation test.',
    },
  });
  const url = await node.start();
  const token = await node.createToken('e2e', 'editor');
  const api = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { node, url, partnerId, api };
}

export function organisationInput(partnerId: string): OrganisationInput {
  return { name: `${partnerId} Community Trust`, type: 'vcfse' };
}

export function serviceInput(organisationId: string, name: string): ServiceInput {
  return {
    organisationId,
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

export function innovationInput(title: string): InnovationInput {
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

/** Creates and submits a write-up on a node; returns its id and revision. */
export async function submitInnovation(
  node: RunningNode,
  title: string,
): Promise<{ id: string; rev: number }> {
  const created = await node.api('POST', '/api/innovations', innovationInput(title));
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const draft = ((await created.json()) as { data: Innovation }).data;
  const etag = created.headers.get('etag') ?? '"1"';
  const submitted = await node.api(
    'POST',
    `/api/innovations/${draft.id}/submit`,
    { confirmPersonalData: true },
    { 'if-match': etag },
  );
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
  return {
    id: draft.id,
    rev: Number((submitted.headers.get('etag') ?? '"0"').replaceAll('"', '')),
  };
}

/** Polls until `check` passes (asynchronous effects: pings, syncs). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNode, type PromiseNode } from '@promise-global/node';
import type { Innovation, Organisation, Service, ServiceInput } from '@promise-global/schema';
import type { Page } from 'playwright-core';

/** A partner node on a temp database file, with an editor token and a little fictional content. */
export interface WorkspaceNode {
  node: PromiseNode;
  url: string;
  token: string;
  organisation: Organisation;
  crisisLine: Service;
  /** Calls the node's API with the editor's bearer token. */
  api<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startWorkspaceNode(
  options: { hubUrl?: string } = {},
): Promise<WorkspaceNode> {
  const dir = await mkdtemp(join(tmpdir(), 'e2e-admin-'));
  const node = await createNode({
    partnerId: 'fenland',
    dataDir: dir,
    port: 0,
    logLevel: 'silent',
    pingBackoffMs: 20,
    ...(options.hubUrl ? { hubUrl: options.hubUrl } : {}),
    partner: {
      name: 'Fenland Mental Health Partnership',
      country: 'GB',
      website: 'https://fenland.example.org/',
      contactEmail: 'promise@fenland.example.org',
      description: 'A fictional partner for the staff workspace tests.',
    },
  });
  if (!existsSync(join(node.config.adminDir, 'index.html'))) {
    await node.close();
    throw new Error('Build the staff workspace first: pnpm --filter @promise-global/node build');
  }
  const url = await node.start();
  const token = await node.createToken('Comms team', 'editor');
  async function api<T>(method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  const organisation = (
    await api<{ data: Organisation }>('POST', '/api/organisations', {
      name: 'Fenland Crisis Partnership',
      type: 'vcfse',
      website: 'https://crisis.fenland.example.org/',
    })
  ).body.data;
  const crisisLine = (
    await api<{ data: Service }>('POST', '/api/services', crisisLineInput(organisation.id))
  ).body.data;
  const assured = (
    await api<{ data: Service }>('POST', '/api/services', {
      ...crisisLineInput(organisation.id),
      name: 'Fenland Wellbeing Café',
      urgency: 'non_urgent',
      available24x7: false,
      categories: ['wellbeing', 'peer_support'],
    })
  ).body.data;
  await api('POST', `/api/services/${assured.id}/assure`, {});
  return {
    node,
    url,
    token,
    organisation,
    crisisLine,
    api,
    async close() {
      await node.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function crisisLineInput(organisationId: string): ServiceInput {
  return {
    organisationId,
    name: 'Fenland Evening Crisis Line',
    description: 'A fictional crisis line answered by trained staff and peer workers.',
    urgency: 'urgent',
    categories: ['crisis'],
    phones: [{ number: '01632 960001', type: 'voice', description: 'Free to call' }],
    schedules: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '18:00', closesAt: '23:00' }],
    serviceAreas: [{ name: 'Fenland', code: 'E07000010' }],
    referralRoutes: [
      { route: 'self' },
      { route: 'named_team', teamName: 'Fenland Home Treatment Team' },
    ],
  };
}

/** Fictional prose of exactly `count` words (the schema's count: one per space-separated word). */
export function wordsOf(count: number): string {
  const vocabulary =
    'peer workers answered the evening line and callers felt heard before any referral was made'.split(
      ' ',
    );
  const words = Array.from({ length: count }, (_, i) => vocabulary[i % vocabulary.length]);
  const paragraphs: string[] = [];
  for (let i = 0; i < words.length; i += 60) paragraphs.push(words.slice(i, i + 60).join(' '));
  return paragraphs.join('\n\n');
}

/** Signs in through the workspace's sign-in page and waits for the dashboard. */
export async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/admin/sign-in`, { waitUntil: 'load' });
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

/** Fills every required field of the write-up form except the body. */
export async function fillWriteUp(page: Page, title: string): Promise<void> {
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Summary')
    .fill('Callers to our evening crisis line now reach a peer worker first.');
  await page.getByLabel('Innovation', { exact: true }).check();
  await page.getByLabel('Crisis care').check();
  await page.getByLabel('Peer support and lived experience').check();
  await page.getByLabel('Setting').fill('Community crisis line');
  await page.getByLabel('Pilot').check();
  await page.getByLabel('Contact role').fill('Crisis line lead');
  await page.getByLabel('Contact email').fill('crisis-line@fenland.example.org');
}

export type { Innovation };

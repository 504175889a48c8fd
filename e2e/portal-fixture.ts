import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, type Hub, type HubConfigInput } from '@promise-global/hub';
import { createNode, type PromiseNode } from '@promise-global/node';
import type { InnovationInput, ServiceInput } from '@promise-global/schema';
import { NodeClient, NodeClientError } from '@promise-global/sdk/client';
import { HubClient } from '@promise-global/sdk/client/hub';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';

const PORTAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'portal');
const OPERATOR_TOKEN = 'e2e-operator-token-0123456789abcdef';

/** A running federation: a hub, real nodes that signed the fixture content, and the built portal. */
export interface PortalFederation {
  hub: Hub;
  hubClient: HubClient;
  /** The hub the portal's hub consumes, when some partners are enrolled there (hub chaining). */
  upstream: Hub | undefined;
  nodes: Record<string, PromiseNode>;
  portalUrl: string;
  /** Ids of the fixture records, by the name used below. */
  ids: Record<string, string>;
  close(): Promise<void>;
}

export interface PartnerFixture {
  partnerId: string;
  partner: {
    name: string;
    country: 'GB' | 'US';
    region: string;
    website: string;
    contactEmail: string;
    description: string;
  };
  organisation: string;
  /** `assure`: the owner marks the listing checked today (the crisis café never was: overdue). */
  services: Array<{ key: string; assure: boolean; input: Omit<ServiceInput, 'organisationId'> }>;
  innovations: Array<{ key: string; input: InnovationInput }>;
}

const body = (topic: string) =>
  `## What we did\n\nWe set up ${topic} with people who use our services. It took **six months** of planning.\n\n` +
  `## What changed\n\n- Fewer people waited in A&E\n- Staff felt better supported\n\n` +
  `Read more on [our site](https://example.org/${topic.replace(/\s+/g, '-')}).`;

/** Fictional partners and content; phones are Ofcom drama numbers, emails example.org. */
export function fixturePartners(
  extraInnovations: PartnerFixture['innovations'] = [],
): PartnerFixture[] {
  return [
    {
      partnerId: 'northshire',
      partner: {
        name: 'Northshire Mental Health Partnership',
        country: 'GB',
        region: 'Northshire',
        website: 'https://northshire.example.org',
        contactEmail: 'promise@northshire.example.org',
        description:
          'A fictional NHS partnership running community and crisis mental health services.',
      },
      organisation: 'Northshire Mental Health NHS Trust',
      services: [
        {
          key: 'crisisLine',
          assure: true,
          input: {
            name: 'Northshire Crisis Line',
            description: 'Talk to a mental health worker any time, day or night.',
            urgency: 'urgent',
            available24x7: true,
            phones: [{ number: '01632 960001', type: 'voice', description: 'Free from mobiles' }],
            serviceAreas: [{ name: 'Northshire' }],
            referralRoutes: [{ route: 'self' }, { route: 'carer_family' }],
            categories: ['crisis'],
          },
        },
        {
          key: 'crisisCafe',
          assure: false,
          input: {
            name: 'Harbour Crisis Café',
            description: 'An evening safe space run with peer workers.',
            urgency: 'urgent',
            phones: [{ number: '01632 960002', type: 'voice' }],
            schedules: [
              { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '18:00', closesAt: '23:00' },
            ],
            serviceAreas: [{ name: 'Northshire' }],
            referralRoutes: [{ route: 'self' }],
            categories: ['crisis', 'peer_support'],
          },
        },
        {
          key: 'befriending',
          assure: true,
          input: {
            name: 'Northshire Befriending',
            description: 'Weekly visits from a trained volunteer.',
            urgency: 'non_urgent',
            phones: [{ number: '01632 960003', type: 'voice' }],
            schedules: [{ byday: ['MO', 'WE'], opensAt: '10:00', closesAt: '16:00' }],
            serviceAreas: [{ name: 'Northshire' }],
            referralRoutes: [{ route: 'gp' }],
            categories: ['befriending'],
            minAge: 65,
          },
        },
      ],
      innovations: [
        {
          key: 'cafe',
          input: {
            title: 'A crisis café that halved evening A&E visits',
            summary:
              'Peer workers and nurses opened an evening café as an alternative to the emergency department.',
            body: body('crisis café'),
            kind: 'innovation',
            themes: ['crisis_care', 'peer_support_and_lived_experience'],
            setting: 'Community crisis team',
            evidenceLevel: 'evaluated',
            outcomes: 'Evening A&E attendances for mental health fell by half over a year.',
            contact: { role: 'Crisis service manager', email: 'crisis@northshire.example.org' },
          },
        },
        {
          key: 'restraint',
          input: {
            title: 'Reducing restraint on acute wards',
            summary:
              'Ward teams used safety huddles and sensory rooms to reduce restrictive practice.',
            body: body('safety huddles'),
            kind: 'initiative',
            themes: ['reducing_restrictive_practice'],
            setting: 'Acute inpatient wards',
            evidenceLevel: 'pilot',
            contact: { role: 'Ward manager', email: 'wards@northshire.example.org' },
          },
        },
        ...extraInnovations,
      ],
    },
    {
      partnerId: 'riverside',
      partner: {
        name: 'Riverside Recovery Programme',
        country: 'US',
        region: 'Connecticut',
        website: 'https://riverside.example.org',
        contactEmail: 'promise@riverside.example.org',
        description: 'A fictional university recovery programme working with peer specialists.',
      },
      organisation: 'Riverside University Recovery Programme',
      services: [
        {
          key: 'mobileCrisis',
          assure: true,
          input: {
            name: 'Riverside Mobile Crisis Team',
            description: 'Clinicians who come to you in a mental health emergency.',
            urgency: 'emergency',
            available24x7: true,
            phones: [{ number: '+1 203 555 0143', type: 'voice' }],
            serviceAreas: [{ name: 'Riverside County' }],
            referralRoutes: [{ route: 'professional' }],
            categories: ['crisis', 'home_treatment'],
          },
        },
        {
          key: 'wellbeing',
          assure: true,
          input: {
            name: 'Riverside Wellbeing Sessions',
            description: 'Drop-in group sessions on sleep, mood and money worries.',
            urgency: 'non_urgent',
            serviceAreas: [{ name: 'Riverside County' }],
            referralRoutes: [{ route: 'self' }],
            categories: ['wellbeing'],
          },
        },
      ],
      innovations: [
        {
          key: 'peerRecovery',
          input: {
            title: 'Peer specialists in recovery planning',
            summary: 'People with lived experience co-write recovery plans with clinicians.',
            body: body('peer recovery planning'),
            kind: 'research_finding',
            themes: ['peer_support_and_lived_experience', 'recovery'],
            setting: 'Outpatient recovery programme',
            evidenceLevel: 'peer_reviewed',
            contact: { role: 'Research lead', email: 'research@riverside.example.org' },
          },
        },
      ],
    },
  ];
}

/**
 * Starts one fixture partner's node (in-memory database, data dir under `dataDir`) and writes and
 * submits its content through the node's API; the records' ids go into `ids` by fixture key.
 */
export async function startFixtureNode(
  fixture: PartnerFixture,
  dataDir: string,
  ids: Record<string, string>,
  hubUrl?: string,
): Promise<PromiseNode> {
  const node = await createNode({
    partnerId: fixture.partnerId,
    ...(hubUrl ? { hubUrl, pingRetries: 0 } : {}),
    partner: fixture.partner,
    dataDir: join(dataDir, fixture.partnerId),
    databaseUrl: ':memory:',
    port: 0,
    logLevel: 'silent',
  });
  await node.start();
  const client = new NodeClient({
    baseUrl: node.url,
    token: await node.createToken('e2e', 'admin'),
  });
  const organisation = await client.organisations.create({
    name: fixture.organisation,
    type: 'nhs_trust',
  });
  for (const service of fixture.services) {
    const created = await client.services.create({
      ...service.input,
      organisationId: organisation.data.id,
    });
    if (service.assure) await client.services.assure(created.data.id);
    ids[service.key] = created.data.id;
  }
  for (const innovation of fixture.innovations) {
    const created = await client.innovations.create(innovation.input);
    await client.innovations.submit(created.data.id, { confirmPersonalData: true });
    ids[innovation.key] = created.data.id;
  }
  return node;
}

/** Starts the built portal (its production server.js) against a hub, on a free port. */
export async function startPortal(
  hubUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  if (!existsSync(join(PORTAL_DIR, 'build', 'handler.js'))) {
    throw new Error('The portal is not built: run `pnpm build` (turbo builds apps/portal) first');
  }
  // No ORIGIN: server.js sets it from the address it binds (the port is only known then).
  const { ORIGIN: _origin, ...env } = process.env;
  const child = spawn(process.execPath, ['server.js'], {
    cwd: PORTAL_DIR,
    env: { ...env, HOST: '127.0.0.1', PORT: '0', PROMISE_HUB_URL: hubUrl, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`portal did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`portal exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

/**
 * Boots a hub, one node per fixture partner (temp data dirs, in-memory databases), writes and
 * submits the content through each node's API, enrols and syncs the nodes, then starts the built
 * portal pointed at the hub.
 */
export async function startPortalFederation(
  partners: PartnerFixture[] = fixturePartners(),
  options: {
    hub?: Pick<
      HubConfigInput,
      'project52' | 'limits' | 'portalUrl' | 'nationalHelplines' | 'problemReports'
    >;
    /** The nodes know the hub (`hubUrl`): they ping it and take its signed problem reports. */
    nodesKnowHub?: boolean;
    portalEnv?: Record<string, string>;
    /** Partners enrolled at an upstream hub that the portal's hub consumes (relayed nodes). */
    upstreamPartners?: string[];
  } = {},
): Promise<PortalFederation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'promise-portal-e2e-'));
  const hub = await createHub({
    database: { url: ':memory:' },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    harvest: { schedule: false },
    logLevel: 'silent',
    ...options.hub,
  });
  await hub.start();
  const hubClient = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  let upstream: Hub | undefined;
  const nodes: Record<string, PromiseNode> = {};
  const ids: Record<string, string> = {};
  let portal: { url: string; child: ChildProcess } | undefined;
  const close = async () => {
    portal?.child.kill('SIGTERM');
    await Promise.allSettled(Object.values(nodes).map((node) => node.close()));
    await hub.close();
    await upstream?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    let upstreamClient: HubClient | undefined;
    if (options.upstreamPartners?.length) {
      upstream = await createHub({
        database: { url: ':memory:' },
        allowPrivateHosts: ['127.0.0.1'],
        bootstrapOperatorToken: OPERATOR_TOKEN,
        harvest: { schedule: false },
        logLevel: 'silent',
      });
      await upstream.start();
      upstreamClient = new HubClient({ baseUrl: upstream.url, token: OPERATOR_TOKEN });
    }
    for (const fixture of partners) {
      const node = await startFixtureNode(
        fixture,
        dataDir,
        ids,
        options.nodesKnowHub ? hub.url : undefined,
      );
      nodes[fixture.partnerId] = node;
      const enrolAt =
        upstreamClient && options.upstreamPartners?.includes(fixture.partnerId)
          ? upstreamClient
          : hubClient;
      await enrolAndApprove(enrolAt, node.url, node.context.key.kid);
      await enrolAt.syncNode({ partnerId: fixture.partnerId });
    }
    if (upstream) {
      await hubClient.addUpstream({ url: upstream.url });
      await hubClient.syncUpstream({ url: upstream.url });
    }
    portal = await startPortal(hub.url, options.portalEnv);
    return { hub, hubClient, upstream, nodes, portalUrl: portal.url, ids, close };
  } catch (error) {
    await close();
    if (error instanceof NodeClientError) {
      throw new Error(`${error.message}: ${JSON.stringify(error.issues ?? [])}`, { cause: error });
    }
    throw error;
  }
}

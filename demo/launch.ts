import { mkdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, relative } from 'node:path';
import { createHub, type Hub } from '@promise-global/hub';
import { createNode, importJson, type PromiseNode } from '@promise-global/node';
import { HubClient } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import { loadDemoAdoptions, seedAdoptions } from './adoptions.js';
import { type DemoPartnerContent, loadDemoContent } from './content/load.js';
import { DEMO_HELPLINES } from './helplines.js';
import { type OutboxMail, startMailSink } from './mail-sink.js';
import { approveSeededPieces, demoProject52, subscribeDemoReader } from './project52.js';
import {
  type DemoSecrets,
  loadSecrets,
  newOperatorToken,
  newSecret,
  saveSecrets,
} from './secrets.js';

export interface DemoOptions {
  /** Where every app keeps its embedded libSQL file. */
  dataDir: string;
  /** Delete the data folder first and seed again. */
  fresh: boolean;
  host: string;
  portalPort: number;
  hubPort: number;
  /** The first node's port; the others follow. */
  firstNodePort: number;
  /** The built portal (apps/portal/build), served in this process. */
  portalBuildDir: string;
  log: (line: string) => void;
}

export interface DemoNode {
  partnerId: string;
  name: string;
  url: string;
  adminToken: string;
}

export interface RunningDemo {
  portalUrl: string;
  hubUrl: string;
  /** The demo editor's hub token, for the portal's editors' area. */
  editorToken: string;
  /** Where the demo's mail sink writes every message the hub sends. */
  outboxDir: string;
  nodes: DemoNode[];
  firstRun: boolean;
  close(): Promise<void>;
}

/**
 * Boots the demo federation in this process: the hub, one node per demo partner and the portal,
 * each app on its own libSQL file, and a mail sink for the hub's Project 52 mail. The first run
 * imports each partner's content through the node's own import path and enrols every node with
 * the hub; a demo editor approves the submitted write-ups once; later runs reuse the data.
 */
export async function launchDemo(options: DemoOptions): Promise<RunningDemo> {
  const { dataDir, host, log } = options;
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const content = await loadDemoContent();
  const saved = await loadSecrets(dataDir);
  const secrets: DemoSecrets = saved ?? { hubOperatorToken: newOperatorToken(), nodeTokens: {} };
  secrets.mailingSecret ??= newSecret();
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
  };

  try {
    const hubUrl = `http://${host}:${options.hubPort}`;
    const portalUrl = `http://${host}:${options.portalPort}`;
    const outboxDir = join(dataDir, 'outbox');
    const sent: OutboxMail[] = [];
    const sink = await startMailSink(outboxDir, (mail) => {
      sent.push(mail);
      log(
        `mail to ${mail.to.join(', ')}: ${mail.subject} -> ${relative(process.cwd(), mail.file)}`,
      );
    });
    closers.push(sink.close);

    // Nodes first: the hub syncs every enrolled node as it starts (their pings to it just fail quietly).
    const nodes: DemoNode[] = [];
    const started: PromiseNode[] = [];
    for (const [index, partnerContent] of content.entries()) {
      const node = await startNode(partnerContent, options, hubUrl, options.firstNodePort + index);
      closers.push(() => node.close());
      started.push(node);
      const partnerId = partnerContent.partner.id;
      if (!secrets.nodeTokens[partnerId]) {
        secrets.nodeTokens[partnerId] = await node.createToken('demo staff', 'admin');
      }
      nodes.push({
        partnerId,
        name: partnerContent.partner.name,
        url: node.url,
        adminToken: secrets.nodeTokens[partnerId],
      });
    }

    const hub: Hub = await createHub({
      database: { url: `file:${join(dataDir, 'hub.db')}` },
      host,
      port: options.hubPort,
      publicUrl: hubUrl,
      // Feed items and bulletins link to the portal's pages.
      portalUrl,
      allowPrivateHosts: [host],
      // The portal forwards its readers' addresses, so subscription limits apply per reader.
      limits: { trustedProxies: [host] },
      bootstrapOperatorToken: secrets.hubOperatorToken,
      // National numbers for every portal page's help box (UK and US, as the partners are).
      nationalHelplines: DEMO_HELPLINES,
      project52: demoProject52({
        smtpPort: sink.port,
        secret: secrets.mailingSecret,
      }),
      logLevel: 'warn',
    });
    closers.push(() => hub.close());
    await hub.start();
    log(`hub ready at ${hubUrl}`);

    // The scheduler's first pass (started with the hub) settles before the demo acts on Project 52.
    await hub.project52Started;
    const firstRun = saved === undefined;
    const operator = new HubClient({ baseUrl: hubUrl, token: secrets.hubOperatorToken });
    if (firstRun) {
      await seed(content, started, operator, log);
      await seedAdoptions(await loadDemoAdoptions(), nodes, operator, log);
    }
    secrets.hubEditorToken ??= (
      await operator.createToken({ name: 'Demo editor', role: 'editor' })
    ).token;
    await saveSecrets(dataDir, secrets);
    await approveSeededPieces(hubUrl, secrets.hubEditorToken, content, log);
    if (firstRun) await subscribeDemoReader(hubUrl, sent, log);
    // The scheduler's own pass, now rather than within five minutes: sends this week's bulletin if due.
    const pass = await hub.project52Pass();
    if (pass?.started) {
      const readers = pass.started.report.accepted.length;
      log(
        `project 52: sent the bulletin for ${pass.started.week} to ${readers} subscriber${readers === 1 ? '' : 's'}`,
      );
    }

    const portal = await startPortal(options, hubUrl, portalUrl);
    closers.push(portal);
    return {
      portalUrl,
      hubUrl,
      editorToken: secrets.hubEditorToken,
      outboxDir,
      nodes,
      firstRun,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function startNode(
  content: DemoPartnerContent,
  options: DemoOptions,
  hubUrl: string,
  port: number,
): Promise<PromiseNode> {
  const { id, ...partner } = content.partner;
  const publicUrl = `http://${options.host}:${port}`;
  const node = await createNode({
    partnerId: id,
    partner,
    dataDir: join(options.dataDir, id),
    host: options.host,
    port,
    publicUrl,
    hubUrl,
    // A node pings the hub as it starts, before the first run has enrolled it: not worth a warning here.
    logLevel: 'error',
  });
  await node.start();
  return node;
}

/**
 * First run: the hub enrols every node, then each node imports its partner's content through its
 * own import path, so the content reaches the hub the way a partner's would: by signed ping.
 */
async function seed(
  content: DemoPartnerContent[],
  nodes: PromiseNode[],
  hub: HubClient,
  log: (line: string) => void,
): Promise<void> {
  for (const node of nodes) {
    // As an operator would: the hub shows the fingerprint it fetched; the approval uses the one the
    // partner's node shows its own staff (`promise-node key show`), never the hub's copy.
    const pending = await hub.enrolNode({ url: node.url });
    const fingerprint = keyFingerprint(node.context.key.kid);
    await hub.approveNode({ partnerId: pending.partnerId, fingerprint });
    log(`enrolled ${node.url} with the hub (key fingerprint ${fingerprint})`);
  }
  for (const [index, partnerContent] of content.entries()) {
    const node = nodes[index];
    if (!node) continue;
    const summary = await importJson(node.context, {
      partner: partnerContent.partner,
      organisations: partnerContent.organisations,
      services: partnerContent.services,
      innovations: partnerContent.innovations,
    });
    log(
      `${partnerContent.partner.id}: imported ${summary.organisations} organisations, ${summary.services} services, ${summary.innovations} write-ups`,
    );
  }
  // The pings are already on their way; an explicit sync makes "ready" mean "fully indexed".
  for (const partnerContent of content)
    await hub.syncNode({ partnerId: partnerContent.partner.id });
}

type PortalHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the portal's adapter-node build in this process (so Ctrl-C leaves nothing behind),
 * through the portal's own server module: the same security headers as in production.
 */
async function startPortal(
  options: DemoOptions,
  hubUrl: string,
  portalUrl: string,
): Promise<() => Promise<void>> {
  const handlerFile = join(options.portalBuildDir, 'handler.js');
  await stat(handlerFile).catch(() => {
    throw new Error(`The portal is not built (${handlerFile} is missing): run "pnpm build" first.`);
  });
  process.env.PROMISE_HUB_URL = hubUrl;
  process.env.ORIGIN = portalUrl;
  const { createPortalServer } = (await import(
    join(options.portalBuildDir, '..', 'portal-server.js')
  )) as { createPortalServer: (handler: Promise<PortalHandler>) => Server };
  const handler = import(handlerFile).then((module: { handler: PortalHandler }) => module.handler);
  await handler;
  const server = createPortalServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.portalPort, options.host, resolve);
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

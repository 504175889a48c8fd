import { mkdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createHub, type Hub } from '@promise-global/hub';
import { createNode, importJson, type PromiseNode } from '@promise-global/node';
import { HubClient } from '@promise-global/sdk/client/hub';
import { type DemoPartnerContent, loadDemoContent } from './content/load.js';
import { type DemoSecrets, loadSecrets, newOperatorToken, saveSecrets } from './secrets.js';

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
  nodes: DemoNode[];
  firstRun: boolean;
  close(): Promise<void>;
}

/**
 * Boots the demo federation in this process: the hub, one node per demo partner and the portal,
 * each app on its own libSQL file. The first run imports each partner's content through the
 * node's own import path and enrols every node with the hub; later runs reuse the data.
 */
export async function launchDemo(options: DemoOptions): Promise<RunningDemo> {
  const { dataDir, host, log } = options;
  if (options.fresh) await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const content = await loadDemoContent();
  const saved = await loadSecrets(dataDir);
  const secrets: DemoSecrets = saved ?? { hubOperatorToken: newOperatorToken(), nodeTokens: {} };
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
  };

  try {
    const hubUrl = `http://${host}:${options.hubPort}`;
    const hub: Hub = await createHub({
      database: { url: `file:${join(dataDir, 'hub.db')}` },
      host,
      port: options.hubPort,
      publicUrl: hubUrl,
      allowPrivateHosts: [host],
      bootstrapOperatorToken: secrets.hubOperatorToken,
      logLevel: 'warn',
    });
    closers.push(() => hub.close());
    await hub.start();
    log(`hub ready at ${hubUrl}`);

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

    const firstRun = saved === undefined;
    if (firstRun)
      await seed(
        content,
        started,
        new HubClient({ baseUrl: hubUrl, token: secrets.hubOperatorToken }),
        log,
      );
    await saveSecrets(dataDir, secrets);

    const portalUrl = `http://${host}:${options.portalPort}`;
    const portal = await startPortal(options, hubUrl, portalUrl);
    closers.push(portal);
    return { portalUrl, hubUrl, nodes, firstRun, close };
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
    await hub.enrolNode({ url: node.url });
    log(`enrolled ${node.url} with the hub`);
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

/** Serves the portal's adapter-node build in this process, so Ctrl-C leaves nothing behind. */
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
  const { handler } = (await import(handlerFile)) as {
    handler: (req: unknown, res: unknown, next?: () => void) => void;
  };
  const server: Server = createServer((req, res) => handler(req, res));
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

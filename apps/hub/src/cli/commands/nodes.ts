import type { NodeStatus, PendingEnrolment } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import type { Command } from 'commander';
import { approveEnrolment } from '../../enrolment/approve-enrolment.js';
import { enrolNode } from '../../enrolment/enrol-node.js';
import {
  findNode,
  reinstateNode,
  removeNode,
  repinNode,
  suspendNode,
} from '../../enrolment/node-admin.js';
import { listPendingEnrolments, toPendingEnrolment } from '../../enrolment/pending-enrolment.js';
import { listNodeStatuses, nodeStatusOf } from '../../nodes/node-status.js';
import { type GlobalOptions, print, table, withHub } from '../cli-context.js';
import { syncNow } from '../sync-now.js';

const position = (node: NodeStatus) => `${node.cursorSeq}/${node.headSeq}`;

function describe(node: NodeStatus): string[] {
  return [
    `${node.partnerId} (${node.name}) at ${node.nodeUrl}`,
    `  state ${node.state}, health ${node.health}, position ${position(node)}`,
    `  pinned keys: ${node.pinnedKids.map((kid) => `${keyFingerprint(kid)} (${kid})`).join(', ') || 'none'}`,
    ...(node.lastError ? [`  last error: ${node.lastError.code}: ${node.lastError.message}`] : []),
  ];
}

function describePending(pending: PendingEnrolment): string[] {
  const what = pending.kind === 'enrol' ? 'Enrolment' : 'Re-pin';
  return [
    `${what} of ${pending.partnerId} (${pending.name}) at ${pending.nodeUrl} is waiting for approval`,
    `  fingerprint to confirm: ${pending.fingerprint}`,
    ...pending.keys.map(
      (key) =>
        `  key ${key.fingerprint} ${key.status}${key.signer ? ', signed the descriptor' : ''} (thumbprint ${key.kid})`,
    ),
    `  expires ${pending.expiresAt}`,
    '  Ask the partner for their fingerprint (`promise-node key show`), by a channel you trust, then run:',
    `  promise-hub nodes approve ${pending.partnerId} --fingerprint <fingerprint>`,
  ];
}

export function nodesCommand(program: Command) {
  const globals = () => program.opts<GlobalOptions>();
  const nodes = program.command('nodes').description('Enrol and manage partner nodes');
  nodes
    .command('list')
    .description('List enrolled nodes with their state, health and harvest position')
    .action(async () => {
      const list = await withHub(globals(), (hub) => listNodeStatuses(hub.db));
      print(globals(), list, () =>
        list.length === 0
          ? ['No nodes enrolled. Enrol one with: promise-hub nodes enrol <url>']
          : table(
              ['PARTNER', 'STATE', 'HEALTH', 'POSITION', 'LAST ERROR', 'URL'],
              list.map((node) => [
                node.partnerId,
                node.state,
                node.health,
                position(node),
                node.lastError?.code ?? '-',
                node.nodeUrl,
              ]),
            ),
      );
    });
  nodes
    .command('enrol')
    .description(
      "Start enrolling a node by its URL: verify its descriptor and show its keys' fingerprints; nothing is pinned until `nodes approve`",
    )
    .argument('<url>', "the node's public URL, e.g. https://promise.example.org")
    .action(async (url: string) => {
      await withHub(globals(), async (hub) => {
        const pending = toPendingEnrolment(await enrolNode(hub.context, url));
        print(globals(), pending, () => describePending(pending));
      });
    });
  nodes
    .command('repin')
    .description(
      "Start re-pinning a node to its current descriptor's keys; the old keys stay pinned until `nodes approve`",
    )
    .argument('<partner-id>', "the node's partner id (see `nodes list`)")
    .action(async (partnerId: string) => {
      await withHub(globals(), async (hub) => {
        const pending = toPendingEnrolment(await repinNode(hub.context, partnerId));
        print(globals(), pending, () => describePending(pending));
      });
    });
  nodes
    .command('pending')
    .description('List enrolments and re-pins waiting for an operator to confirm a fingerprint')
    .action(async () => {
      const list = await withHub(globals(), async (hub) =>
        (await listPendingEnrolments(hub.context)).map(toPendingEnrolment),
      );
      print(globals(), list, () =>
        list.length === 0 ? ['Nothing is waiting for approval.'] : list.flatMap(describePending),
      );
    });
  nodes
    .command('approve')
    .description(
      'Approve a pending enrolment or re-pin with the fingerprint the partner gave you out of band; pins the keys and harvests the node',
    )
    .argument('<partner-id>', "the node's partner id (see `nodes pending`)")
    .requiredOption(
      '--fingerprint <fingerprint>',
      "the node's key fingerprint, as its operator reads it from `promise-node key show`",
    )
    .action(async (partnerId: string, options: { fingerprint: string }) => {
      await withHub(globals(), async (hub, located) => {
        const row = await approveEnrolment(hub.context, partnerId, options.fingerprint);
        const synced = await syncNow(hub, located, { kind: 'node', id: row.id });
        const status = await nodeStatusOf(hub.db, await findNode(hub.context, row.partnerId));
        print(globals(), status, () => ['Approved', ...describe(status), `  ${synced}`]);
      });
    });
  const act = (name: string, description: string, action: typeof suspendNode, after?: 'sync') =>
    nodes
      .command(name)
      .description(description)
      .argument('<partner-id>', "the node's partner id (see `nodes list`)")
      .action(async (partnerId: string) => {
        await withHub(globals(), async (hub, located) => {
          const row = await action(hub.context, partnerId);
          const synced =
            after === 'sync' ? await syncNow(hub, located, { kind: 'node', id: row.id }) : null;
          const status = await nodeStatusOf(hub.db, await findNode(hub.context, partnerId));
          print(globals(), status, () => [...describe(status), ...(synced ? [`  ${synced}`] : [])]);
        });
      });
  act('suspend', 'Stop harvesting a node (its records stay searchable)', suspendNode);
  act('reinstate', 'Resume harvesting a suspended node', reinstateNode, 'sync');
  act('remove', 'Remove a node: its records leave the index', removeNode);
  act('sync', 'Harvest a node now', findNode, 'sync');
}

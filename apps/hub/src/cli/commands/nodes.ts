import type { NodeStatus } from '@promise-global/sdk/client/hub';
import type { Command } from 'commander';
import { enrolNode } from '../../enrolment/enrol-node.js';
import { findNode, reinstateNode, removeNode, suspendNode } from '../../enrolment/node-admin.js';
import { listNodeStatuses, nodeStatusOf } from '../../nodes/node-status.js';
import { type GlobalOptions, print, table, withHub } from '../cli-context.js';
import { syncNow } from '../sync-now.js';

const position = (node: NodeStatus) => `${node.cursorSeq}/${node.headSeq}`;

function describe(node: NodeStatus): string[] {
  return [
    `${node.partnerId} (${node.name}) at ${node.nodeUrl}`,
    `  state ${node.state}, health ${node.health}, position ${position(node)}`,
    `  pinned keys: ${node.pinnedKids.join(', ') || 'none'}`,
    ...(node.lastError ? [`  last error: ${node.lastError.code}: ${node.lastError.message}`] : []),
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
    .description('Enrol a node by its URL: verify its descriptor, pin its keys, harvest its feed')
    .argument('<url>', "the node's public URL, e.g. https://promise.example.org")
    .action(async (url: string) => {
      await withHub(globals(), async (hub, located) => {
        const row = await enrolNode(hub.context, url);
        const synced = await syncNow(hub, located, { kind: 'node', id: row.id });
        const status = await nodeStatusOf(hub.db, await findNode(hub.context, row.partnerId));
        print(globals(), status, () => ['Enrolled', ...describe(status), `  ${synced}`]);
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

import type { UpstreamStatus } from '@promise-global/sdk/client/hub';
import type { Command } from 'commander';
import {
  addUpstream,
  findUpstream,
  reinstateUpstream,
  removeUpstream,
  suspendUpstream,
} from '../../upstream/upstream-admin.js';
import { listUpstreamStatuses, toUpstreamStatus } from '../../upstream/upstream-status.js';
import { type GlobalOptions, print, table, withHub } from '../cli-context.js';
import { syncNow } from '../sync-now.js';

const describe = (upstream: UpstreamStatus) => [
  `${upstream.url}: state ${upstream.state}, health ${upstream.health}`,
];

export function upstreamsCommand(program: Command) {
  const globals = () => program.opts<GlobalOptions>();
  const upstreams = program
    .command('upstreams')
    .description('Hub chaining: the hubs whose aggregate feeds this hub consumes');
  upstreams
    .command('list')
    .description('List upstream hubs')
    .action(async () => {
      const list = await withHub(globals(), (hub) => listUpstreamStatuses(hub.db));
      print(globals(), list, () =>
        list.length === 0
          ? ['No upstream hubs.']
          : table(
              ['URL', 'STATE', 'HEALTH'],
              list.map((upstream) => [upstream.url, upstream.state, upstream.health]),
            ),
      );
    });
  const act = (name: string, description: string, action: typeof suspendUpstream, after?: 'sync') =>
    upstreams
      .command(name)
      .description(description)
      .argument('<url>', "the upstream hub's public URL")
      .action(async (url: string) => {
        await withHub(globals(), async (hub, located) => {
          const row = await action(hub.context, url);
          const synced =
            after === 'sync' ? await syncNow(hub, located, { kind: 'upstream', id: row.id }) : null;
          const status = await toUpstreamStatus(hub.db, row);
          print(globals(), status, () => [...describe(status), ...(synced ? [`  ${synced}`] : [])]);
        });
      });
  act(
    'add',
    "Consume another hub's aggregate feed (its identity is verified first)",
    addUpstream,
    'sync',
  );
  act('suspend', 'Stop harvesting an upstream (what it relayed stays searchable)', suspendUpstream);
  act('reinstate', 'Resume harvesting a suspended upstream', reinstateUpstream, 'sync');
  act('remove', 'Remove an upstream and every node it relayed', removeUpstream);
  act('sync', 'Harvest an upstream now', findUpstream, 'sync');
}

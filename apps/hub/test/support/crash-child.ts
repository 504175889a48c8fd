import { HubClient } from '@promise-global/sdk/client/hub';
import { createHub } from '../../src/create-hub.js';
import { enrolAndApprove } from './enrol.js';

// A hub process for the crash test: opens the database file, enrols the node if needed, prints
// "ready", then backfills until the node's cursor reaches its head and prints "done".
const [database, nodeUrl] = process.argv.slice(2);
if (!database || !nodeUrl) throw new Error('usage: crash-child <database-url> <node-url>');
const token = 'crash-test-operator-token-0123456789';
const hub = await createHub({
  database: { url: database },
  allowPrivateHosts: ['127.0.0.1'],
  bootstrapOperatorToken: token,
  logLevel: 'silent',
  harvest: { schedule: false, pageLimit: 100 },
});
await hub.start();
// A sync of thousands of records may take longer than a client's default 10 s per call.
const operator = new HubClient({ baseUrl: hub.url, token, timeoutMs: 600_000 });
if ((await operator.nodeStatus()).length === 0) await enrolAndApprove(operator, nodeUrl);
process.stdout.write('ready\n');
for (;;) {
  const [status] = await operator.nodeStatus();
  if (status && status.cursorSeq === status.headSeq && status.health === 'healthy') break;
  await operator.syncNode({ partnerId: status?.partnerId ?? 'crash' });
}
process.stdout.write('done\n');
await hub.close();

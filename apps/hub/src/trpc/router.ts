import { adminNodesRouter } from './admin/nodes.js';
import { adminProject52Router } from './admin/project52.js';
import { adminCountersRouter, adminQuarantineRouter, adminTokensRouter } from './admin/tokens.js';
import { adminUpstreamsRouter } from './admin/upstreams.js';
import { adoptionsRouter } from './routers/adoptions.js';
import { helplinesRouter } from './routers/helplines.js';
import { nodesRouter, partnersRouter, recordsRouter } from './routers/network.js';
import { project52Router, subscriptionsRouter } from './routers/project52.js';
import { reportsRouter } from './routers/reports.js';
import { facetsRouter, searchRouter } from './routers/search.js';
import { router } from './trpc.js';

/** The hub's tRPC API (the SDK's `HubClient` speaks it; names are part of the public contract). */
export const hubRouter = router({
  search: searchRouter,
  facets: facetsRouter,
  records: recordsRouter,
  adoptions: adoptionsRouter,
  partners: partnersRouter,
  nodes: nodesRouter,
  helplines: helplinesRouter,
  project52: project52Router,
  subscriptions: subscriptionsRouter,
  reports: reportsRouter,
  admin: router({
    project52: router(adminProject52Router),
    nodes: router(adminNodesRouter),
    upstreams: router(adminUpstreamsRouter),
    tokens: router(adminTokensRouter),
    quarantine: router(adminQuarantineRouter),
    counters: router(adminCountersRouter),
  }),
});

export type HubRouter = typeof hubRouter;

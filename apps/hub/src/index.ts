export {
  type HubConfig,
  HubConfigError,
  type HubConfigInput,
  HubConfigSchema,
  parseHubConfig,
} from './config/config.js';
export { hubConfigFromEnv } from './config/env.js';
export { createHub, type Hub } from './create-hub.js';
export type { AggregateItem } from './rest/aggregate-feed.js';
export { aggregateDigest } from './rest/aggregate-feed.js';
export type { HubRouter } from './trpc/router.js';

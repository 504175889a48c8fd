import type { SigningKey } from '@promise-global/sdk/keys';
import type { Logger } from 'pino';
import type { HubConfig } from './config/config.js';
import type { HubDatabase } from './db/database.js';
import type { Harvester } from './harvest/harvester.js';
import type { AddressPolicy } from './http/address-policy.js';
import type { HubLimits } from './limits/hub-limits.js';
import type { HubMetrics } from './metrics/hub-metrics.js';
import type { Project52Service } from './project52-hub/service.js';
import type { ReportCourier } from './reports/report-courier.js';

/** Everything a request handler or the harvester needs, wired once by `createHub`. */
export interface HubContext {
  config: HubConfig;
  db: HubDatabase;
  key: SigningKey;
  policy: AddressPolicy;
  log: Logger;
  harvester: Harvester;
  /** Request limits (pings, subscription requests, confirmation emails). */
  limits: HubLimits;
  /** Prometheus metrics (served at `/metrics` when configured). */
  metrics: HubMetrics;
  /** Project 52, when configured. */
  project52: Project52Service | undefined;
  /** Readers' problem reports on their way to the owning nodes. */
  reports: ReportCourier;
  /** The hub's public URL (known once it listens, unless configured). */
  url(): string;
}

import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Project52Service } from './service.js';

/** Applies the mailing list's retention rules at start and then every night at 03:41 UTC. */
export function startRetentionJob(
  service: Project52Service,
  log: Logger,
): { stop(): void; nextRun(): Date | null } {
  const run = async () => {
    try {
      await service.purgeSubscribers();
    } catch (error) {
      log.error({ err: error }, 'project 52: mailing-list retention run failed');
    }
  };
  void run();
  const cron = new Cron('41 3 * * *', { timezone: 'UTC', protect: true }, run);
  return { stop: () => cron.stop(), nextRun: () => cron.nextRun() };
}

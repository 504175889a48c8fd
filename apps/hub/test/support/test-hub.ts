import { HubClient } from '@promise-global/sdk/client/hub';
import type { HubConfigInput } from '../../src/config/config.js';
import { createHub, type Hub } from '../../src/create-hub.js';

export const OPERATOR_TOKEN = 'test-operator-token-0123456789abcdef';

/** A started hub on 127.0.0.1 (loopback explicitly allowed), no schedule, with an operator client. */
export async function startTestHub(
  overrides: HubConfigInput = {},
): Promise<{ hub: Hub; client: HubClient; operator: HubClient }> {
  const hub = await createHub({
    database: { url: ':memory:' },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    logLevel: 'silent',
    ...overrides,
    harvest: {
      schedule: false as const,
      timeouts: { connectMs: 1_000, firstByteMs: 1_000, totalMs: 3_000 },
      backoff: { baseMs: 10, maxMs: 50 },
      ...overrides.harvest,
    },
  });
  await hub.start();
  return {
    hub,
    client: new HubClient({ baseUrl: hub.url }),
    operator: new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN }),
  };
}

/** Waits until `check` passes (polling), for asynchronous effects such as a ping-triggered sync. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

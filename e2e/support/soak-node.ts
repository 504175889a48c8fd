import { join } from 'node:path';
import { createNode, type PromiseNode } from '@promise-global/node';

/**
 * A partner node whose database and key live in files, so it can go down (its server closed) and
 * come back on the same port with the same log and key, as after a real outage.
 */
export class SoakNode {
  node: PromiseNode | undefined;
  url = '';
  token = '';
  organisationId = '';
  private port = 0;

  constructor(
    readonly partnerId: string,
    private readonly dir: string,
    private readonly hubUrl: string,
  ) {}

  get up(): boolean {
    return this.node !== undefined;
  }

  async start(): Promise<void> {
    const node = await createNode({
      partnerId: this.partnerId,
      databaseUrl: `file:${join(this.dir, `${this.partnerId}.db`)}`,
      keyFile: join(this.dir, `${this.partnerId}-key.json`),
      port: this.port,
      ...(this.port === 0 ? {} : { publicUrl: this.url }),
      hubUrl: this.hubUrl,
      logLevel: 'silent',
      pingRetries: 2,
      pingBackoffMs: 50,
      partner: {
        name: `Soak partner ${this.partnerId}`,
        country: 'GB',
        website: 'https://example.org/',
        contactEmail: `network@${this.partnerId}.example.org`,
        description: 'A fictional partner in the soak test.',
      },
    });
    this.url = await node.start();
    this.port = Number(new URL(this.url).port);
    this.node = node;
    if (this.token === '') {
      this.token = await node.createToken('soak', 'editor');
      const created = await this.api('POST', '/api/organisations', {
        name: `${this.partnerId} Community Trust`,
        type: 'vcfse',
      });
      this.organisationId = ((await created.json()) as { data: { id: string } }).data.id;
    }
  }

  /** An outage: the server and database close; `start()` brings the same node back. */
  async stop(): Promise<void> {
    const node = this.node;
    this.node = undefined;
    await node?.close();
  }

  api(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

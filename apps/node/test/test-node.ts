import type { NodeConfigInput } from '../src/config/config.js';
import { createNode, type PromiseNode } from '../src/node.js';
import { partnerProfile } from './fixtures.js';

export interface TestNode {
  node: PromiseNode;
  admin: string;
  editor: string;
  /** `app.request` with JSON and a token (the editor's unless given). */
  call(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<Response>;
  /** `call` and parse the JSON reply. */
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    init?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** An in-memory node with a partner profile and an admin and an editor token. */
export async function createTestNode(overrides: Partial<NodeConfigInput> = {}): Promise<TestNode> {
  const node = await createNode({
    partnerId: 'fenland',
    databaseUrl: ':memory:',
    publicUrl: 'https://fenland.example.org',
    logLevel: 'silent',
    partner: partnerProfile,
    ...overrides,
  });
  const admin = await node.createToken('test admin', 'admin');
  const editor = await node.createToken('test editor', 'editor');
  const t: TestNode = {
    node,
    admin,
    editor,
    async json(method, path, body, init) {
      const response = await t.call(method, path, body, init);
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
    [Symbol.asyncDispose]: () => node.close(),
    call(method, path, body, init = {}) {
      const token = init.token === undefined ? editor : init.token;
      const headers: Record<string, string> = { ...init.headers };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      return Promise.resolve(
        node.app.request(path, {
          method,
          headers,
          ...(body === undefined
            ? {}
            : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      );
    },
  };
  return t;
}

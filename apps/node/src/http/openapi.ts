import { FeedPage, SCHEMA_VERSION } from '@promise-global/schema';
import { z } from 'zod';
import { SubmitInnovationBody } from '../api/innovation-routes.js';
import { InnovationListQuery, OrganisationListQuery, ServiceListQuery } from '../api/list-query.js';
import { AssureServiceBody } from '../api/service-routes.js';
import { CreateTokenBody } from '../api/token-routes.js';
import { MAX_PAGE_LIMIT } from '../resources/paging.js';
import { PartnerInput } from '../resources/partner.js';

type JsonSchema = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function component(schema: z.core.$ZodType): JsonSchema {
  const {
    $schema: _schema,
    $id: _id,
    ...rest
  } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return rest;
}

/** The schemas the schema package registers (Partner, Service, …), as OpenAPI components. */
function registeredComponents(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...rest }]) => [name, rest]),
  );
}

const ErrorBody = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: {
            type: 'object',
            properties: { path: { type: 'string' }, message: { type: 'string' } },
          },
        },
        findings: { type: 'array', items: { type: 'object' } },
      },
    },
  },
};

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const error = (description: string) => ({ description, ...json(ref('Error')) });
const versioned = (name: string) => ({
  type: 'object',
  required: ['rev', 'data'],
  properties: { rev: { type: 'integer' }, data: ref(name) },
});
const list = (name: string, extra: Record<string, JsonSchema> = {}) => ({
  type: 'object',
  required: ['items', 'nextCursor', 'prevCursor', 'total'],
  properties: {
    items: {
      type: 'array',
      items: {
        ...versioned(name),
        properties: { ...versioned(name).properties, ...extra },
      },
    },
    nextCursor: {
      type: ['string', 'null'],
      description: 'Pass back as cursor for the next page; null on the last page',
    },
    prevCursor: {
      type: ['string', 'null'],
      description: 'Pass back as cursor for the page before; null on the first page',
    },
    total: { type: 'integer', description: 'How many items match the search and filters' },
  },
});

/** A list's query parameters, from the zod schema the route parses them with. */
function queryParameters(schema: z.core.$ZodType) {
  const { properties = {} } = component(schema) as { properties?: Record<string, JsonSchema> };
  return Object.entries(properties).map(([name, { description, ...rest }]) => ({
    name,
    in: 'query',
    required: false,
    ...(description ? { description } : {}),
    schema: rest,
  }));
}
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'The ETag (revision) you last read; a stale one gets 409',
  schema: { type: 'string' },
};
const writeErrors = {
  '400': error('Invalid input: every bad field is listed'),
  '401': error('No valid API token'),
  '409': error('Conflict: stale revision, id taken, or a state that forbids this'),
  '429': error('Too many authentication failures'),
};

interface Listing {
  query: z.core.$ZodType;
  /** Fields each listed item carries beside `rev` and `data`. */
  extra?: Record<string, JsonSchema>;
}

function resource(name: string, input: string, path: string, listing: Listing) {
  const one = {
    '200': { description: name, ...json(versioned(name)) },
    '404': error('Unknown id'),
  };
  return {
    [path]: {
      get: {
        summary: `List ${path.split('/').pop()}, a page at a time, with search and filters`,
        parameters: queryParameters(listing.query),
        responses: {
          '200': { description: 'One page', ...json(list(name, listing.extra)) },
          '400': error(
            `A bad parameter (limit above ${MAX_PAGE_LIMIT}, an unknown filter value, a cursor this list did not give out)`,
          ),
        },
      },
      post: {
        summary: `Create (optionally with your own UUID as id)`,
        requestBody: { required: true, ...json(ref(input)) },
        responses: { '201': { description: 'Created', ...json(versioned(name)) }, ...writeErrors },
      },
    },
    [`${path}/{id}`]: {
      parameters: [idParam],
      get: { summary: `Read one`, responses: one },
      put: {
        summary: 'Replace',
        parameters: [ifMatch],
        requestBody: { required: true, ...json(ref(input)) },
        responses: { ...one, ...writeErrors },
      },
      delete: {
        summary: 'Delete (publishes a tombstone)',
        parameters: [ifMatch],
        responses: { '204': { description: 'Deleted' }, '404': one['404'], ...writeErrors },
      },
    },
  };
}

function action(summary: string, body: string | undefined, extra: Record<string, unknown> = {}) {
  return {
    post: {
      summary,
      parameters: [idParam, ifMatch],
      ...(body ? { requestBody: { required: false, ...json(ref(body)) } } : {}),
      responses: {
        '200': { description: 'Done' },
        '404': error('Unknown id'),
        ...writeErrors,
        ...extra,
      },
    },
  };
}

/** The node's OpenAPI 3.1 document, generated from the zod schemas the routes validate with. */
export function openApiDocument(serverUrl?: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'PROMISE Network partner node',
      version: SCHEMA_VERSION,
      description:
        'Authoring API (Bearer API token) and the public signed feed. Writes reply with the record and its revision; send the revision back in If-Match to avoid overwriting someone else’s change.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...registeredComponents(),
        PartnerInput: component(PartnerInput),
        AssureServiceBody: component(AssureServiceBody),
        SubmitInnovationBody: component(SubmitInnovationBody),
        CreateTokenBody: component(CreateTokenBody),
        FeedPage: component(FeedPage),
        Error: ErrorBody,
      },
    },
    security: [{ token: [] }],
    paths: {
      '/feed': {
        get: {
          summary: 'Signed records in seq order plus a signed head (protocol §7)',
          security: [],
          parameters: [
            { name: 'after', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            '200': { description: 'A feed page', ...json(ref('FeedPage')) },
            '304': { description: 'Unchanged (If-None-Match)' },
            '400': error('Bad after/limit'),
          },
        },
      },
      '/.well-known/jwks.json': {
        get: {
          summary: 'Public signing keys',
          security: [],
          responses: { '200': { description: 'JWK Set' } },
        },
      },
      '/.well-known/promise-node': {
        get: {
          summary: 'The self-signed node descriptor (application/jwt)',
          security: [],
          responses: { '200': { description: 'Compact JWS' } },
        },
      },
      '/healthz': { get: { security: [], responses: { '200': { description: 'Process up' } } } },
      '/readyz': {
        get: {
          security: [],
          responses: {
            '200': { description: 'Database reachable' },
            '503': { description: 'Not ready' },
          },
        },
      },
      '/api/partner': {
        get: {
          summary: 'The partner profile',
          responses: {
            '200': { description: 'Profile', ...json(versioned('Partner')) },
            '404': error('Not set yet'),
          },
        },
        put: {
          summary: 'Create or replace the partner profile',
          parameters: [ifMatch],
          requestBody: { required: true, ...json(ref('PartnerInput')) },
          responses: {
            '200': { description: 'Saved', ...json(versioned('Partner')) },
            ...writeErrors,
          },
        },
      },
      ...resource('Organisation', 'OrganisationInput', '/api/organisations', {
        query: OrganisationListQuery,
        extra: { serviceCount: { type: 'integer', description: 'Live services it runs' } },
      }),
      ...resource('Service', 'ServiceInput', '/api/services', { query: ServiceListQuery }),
      '/api/services/{id}/assure': action(
        'Mark the listing as checked by its owner now',
        'AssureServiceBody',
      ),
      ...resource('Innovation', 'InnovationInput', '/api/innovations', {
        query: InnovationListQuery,
      }),
      '/api/innovations/{id}/submit': action('Submit a draft to the feed', 'SubmitInnovationBody', {
        '422': error('Suspected personal data: the findings list the spans'),
      }),
      '/api/innovations/{id}/withdraw': action(
        'Withdraw a submitted write-up (tombstone)',
        undefined,
      ),
      '/api/innovations/{id}/revisions': {
        get: {
          summary: 'The published versions of a write-up, from its signed feed records',
          parameters: [idParam],
          responses: {
            '200': { description: 'Revisions, oldest first' },
            '404': error('Unknown id'),
          },
        },
      },
      '/api/adoptions': {
        get: {
          summary: "This partner's adoptions of other partners' pieces",
          responses: { '200': { description: 'Adoptions, oldest first' } },
        },
        post: {
          summary: "Start an adoption of another partner's piece (published at once)",
          requestBody: { required: true, ...json(ref('AdoptionInput')) },
          responses: {
            '201': { description: 'Created', ...json(versioned('Adoption')) },
            '422': error('Own piece, or suspected personal data in the note'),
            ...writeErrors,
          },
        },
      },
      '/api/adoptions/{id}': {
        parameters: [idParam],
        get: {
          summary: 'Read one adoption',
          responses: {
            '200': { description: 'Adoption', ...json(versioned('Adoption')) },
            '404': error('Unknown id'),
          },
        },
        put: {
          summary:
            'Move an adoption on: a new stage, date or note (the next revision is published)',
          parameters: [ifMatch],
          requestBody: { required: true, ...json(ref('AdoptionInput')) },
          responses: {
            '200': { description: 'Saved', ...json(versioned('Adoption')) },
            '404': error('Unknown id'),
            ...writeErrors,
          },
        },
      },
      '/api/status': {
        get: {
          summary: "The node's signed feed head and, with a hub, what the hub last collected",
          responses: { '200': { description: 'Federation status' } },
        },
      },
      '/api/tokens': {
        get: {
          summary: 'List API tokens (admin)',
          responses: { '200': { description: 'Tokens' }, '403': error('Not an admin') },
        },
        post: {
          summary: 'Create an API token (admin); the secret is shown once',
          requestBody: { required: true, ...json(ref('CreateTokenBody')) },
          responses: {
            '201': { description: 'Created' },
            '403': error('Not an admin'),
            ...writeErrors,
          },
        },
      },
      '/api/tokens/{id}': {
        delete: {
          summary: 'Revoke an API token (admin)',
          parameters: [idParam],
          responses: {
            '204': { description: 'Revoked' },
            '403': error('Not an admin'),
            '404': error('Unknown token'),
          },
        },
      },
    },
  };
}

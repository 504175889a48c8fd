import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  jsonSchemaFiles,
  PUBLIC_SCHEMAS,
  type PublicSchemaName,
  toPublicJsonSchema,
  writeJsonSchemas,
} from '../scripts/json-schema.js';
import { GENESIS_HASH, RECORD_TYPES, type RecordType, recordDataSchemas } from '../src/index.js';
import { createAjv } from './ajv.js';
import {
  adoption,
  adoptionInput,
  crisisLine,
  crisisLineInput,
  homeTreatment,
  innovation,
  innovationInput,
  minimalService,
  organisation,
  organisationInput,
  partner,
} from './fixtures.js';

const ajv = createAjv();
const validators = new Map(
  (Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[]).map((name) => [
    name,
    ajv.compile(toPublicJsonSchema(name)),
  ]),
);

const KID = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const jwks = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: KID, kid: KID }] };
const record = {
  iss: 'https://node.example.org',
  iat: 1767225600,
  type: 'service',
  id: crisisLine.id,
  rev: 1,
  seq: 1,
  prev: GENESIS_HASH,
  updatedAt: '2026-01-01T00:00:00Z',
  schemaVersion: '1.0.0',
  data: crisisLine,
};
const descriptor = {
  iss: 'https://node.example.org',
  sub: 'https://node.example.org',
  iat: 1767225600,
  exp: 1767312000,
  protocol: 'promise-feed/1',
  name: 'Example node',
  partner,
  jwks,
  schemaVersion: '1.0.0',
  feedUrl: 'https://node.example.org/feed',
};

type Sample = [name: PublicSchemaName, label: string, document: unknown];
const without = (doc: object, key: string) =>
  Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

const samples: Sample[] = [
  ['Partner', 'a partner', partner],
  ['Partner', 'a partner with a field from a newer minor', { ...partner, logo: 'x' }],
  ['Partner', 'a partner with a lower-case country', { ...partner, country: 'gb' }],
  [
    'Partner',
    'a partner with a javascript: website',
    { ...partner, website: 'javascript:alert(1)' },
  ],
  ['Partner', 'a partner without an email', without(partner, 'contactEmail')],
  ['Organisation', 'an organisation', organisation],
  ['Organisation', 'an organisation of an unknown type', { ...organisation, type: 'bank' }],
  ['Organisation', 'an organisation with a bad id', { ...organisation, id: 'not-a-uuid' }],
  ['OrganisationInput', 'an organisation as written', organisationInput],
  ['OrganisationInput', 'an organisation with an empty name', { ...organisationInput, name: '' }],
  ['Service', 'a 24/7 crisis line', crisisLine],
  ['Service', 'a home treatment team', homeTreatment],
  ['Service', 'a minimal service', minimalService],
  ['Service', 'a service without categories', { ...minimalService, categories: [] }],
  [
    'Service',
    'a service with a word for a phone',
    { ...minimalService, phones: [{ number: 'call us' }] },
  ],
  [
    'Service',
    'a service with a bad duration',
    { ...crisisLine, responseStandard: { target: '4 hours', description: 'Soon' } },
  ],
  [
    'Service',
    'a named team without a name',
    { ...minimalService, referralRoutes: [{ route: 'named_team' }] },
  ],
  ['Service', 'a service with a fractional age', { ...minimalService, minAge: 17.5 }],
  [
    'Service',
    'a service updated without a timezone',
    { ...minimalService, updatedAt: '2026-01-01T00:00:00' },
  ],
  ['ServiceInput', 'a service as written', crisisLineInput],
  ['ServiceInput', 'a service with a data: url', { ...crisisLineInput, url: 'data:text/html,hi' }],
  [
    'ServiceInput',
    'a service with an unknown urgency',
    { ...crisisLineInput, urgency: 'whenever' },
  ],
  ['Innovation', 'an innovation', innovation],
  [
    'Innovation',
    'an innovation with a 281-character summary',
    { ...innovation, summary: 'a'.repeat(281) },
  ],
  ['Innovation', 'an innovation with no themes', { ...innovation, themes: [] }],
  ['Innovation', 'an innovation with a made-up theme', { ...innovation, themes: ['astrology'] }],
  ['InnovationInput', 'an innovation as written', innovationInput],
  ['InnovationInput', 'an innovation without a contact', without(innovationInput, 'contact')],
  ['InnovationInput', 'an innovation with an unknown kind', { ...innovationInput, kind: 'rumour' }],
  ['Adoption', 'an adoption', adoption],
  ['Adoption', 'an adoption at a made-up stage', { ...adoption, stage: 'finished' }],
  ['AdoptionInput', 'an adoption as written', adoptionInput],
  [
    'AdoptionInput',
    'an adoption without the piece’s hash',
    { ...adoptionInput, piece: { partnerId: 'cpft', recordId: innovation.id } },
  ],
  ['RecordPayload', 'a record with data', record],
  ['RecordPayload', 'a record of a type a later minor added', { ...record, type: 'event_listing' }],
  ['RecordPayload', 'a record whose type is not a type name', { ...record, type: 'Not A Type' }],
  [
    'RecordPayload',
    'a tombstone',
    { ...without(record, 'data'), tombstone: { reason: 'deleted' } },
  ],
  [
    'RecordPayload',
    'a record with data and a tombstone',
    { ...record, tombstone: { reason: 'deleted' } },
  ],
  ['RecordPayload', 'a record with a short prev', { ...record, prev: 'abc' }],
  ['RecordPayload', 'a record with seq 0', { ...record, seq: 0 }],
  ['FeedHead', 'a feed head', { iss: record.iss, iat: 1, exp: 2, seq: 0, hash: GENESIS_HASH }],
  [
    'FeedHead',
    'a feed head with a negative seq',
    { iss: record.iss, iat: 1, exp: 2, seq: -1, hash: GENESIS_HASH },
  ],
  ['FeedPage', 'a feed page', { records: ['a.b.c'], head: 'a.b.c' }],
  ['FeedPage', 'a feed page without a head', { records: [] }],
  ['NodeDescriptor', 'a node descriptor', descriptor],
  ['NodeDescriptor', 'a descriptor of another protocol', { ...descriptor, protocol: 'other/2' }],
  [
    'MembershipStatement',
    'a membership statement',
    { iss: 'https://hub.example.org', sub: record.iss, iat: 1, exp: 2, partnerId: 'cpft', jwks },
  ],
  [
    'MembershipStatement',
    'a membership without keys',
    {
      iss: 'https://hub.example.org',
      sub: record.iss,
      iat: 1,
      exp: 2,
      partnerId: 'cpft',
      jwks: { keys: [] },
    },
  ],
  [
    'Ping',
    'a ping',
    {
      iss: record.iss,
      aud: 'https://hub.example.org',
      iat: 1,
      exp: 2,
      jti: 'abcdefghijklmnop',
      seq: 3,
    },
  ],
  [
    'Ping',
    'a ping with a short jti',
    { iss: record.iss, aud: 'https://hub.example.org', iat: 1, exp: 2, jti: 'abc', seq: 3 },
  ],
];

describe('exported JSON Schema', () => {
  it('covers every public type', () => {
    expect(Object.keys(PUBLIC_SCHEMAS).sort()).toEqual([
      'Adoption',
      'AdoptionInput',
      'FeedHead',
      'FeedPage',
      'Innovation',
      'InnovationInput',
      'MembershipStatement',
      'NodeDescriptor',
      'Organisation',
      'OrganisationInput',
      'Partner',
      'Ping',
      'RecordPayload',
      'Service',
      'ServiceInput',
    ]);
    for (const name of Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[]) {
      expect(toPublicJsonSchema(name).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('has both verdicts among the samples of every type', () => {
    for (const name of Object.keys(PUBLIC_SCHEMAS) as PublicSchemaName[]) {
      const verdicts = samples
        .filter(([n]) => n === name)
        .map(([, , doc]) => PUBLIC_SCHEMAS[name].safeParse(doc).success);
      expect(new Set(verdicts), name).toEqual(new Set([true, false]));
    }
  });

  it.each(samples)('%s: %s gets the same verdict from zod and from ajv', (name, _, document) => {
    const validate = validators.get(name);
    const zodVerdict = PUBLIC_SCHEMAS[name].safeParse(document).success;
    expect(validate?.(document)).toBe(zodVerdict);
  });

  it('is committed up to date in json-schema/ (regenerate: pnpm --filter @promise-global/schema json-schema)', async () => {
    const committed = new URL('../json-schema/', import.meta.url);
    const files = jsonSchemaFiles();
    expect((await readdir(committed)).sort()).toEqual(Object.keys(files).sort());
    for (const [file, content] of Object.entries(files))
      expect(await readFile(new URL(file, committed), 'utf8'), file).toBe(content);
  });

  it('names the schema file of every record type, the one its data must satisfy', () => {
    const index = JSON.parse(jsonSchemaFiles()['index.json'] ?? '{}');
    expect(Object.keys(index.recordData).sort()).toEqual([...RECORD_TYPES].sort());
    for (const [type, file] of Object.entries(index.recordData as Record<string, string>)) {
      const name = file.replace(/\.json$/, '') as PublicSchemaName;
      expect(PUBLIC_SCHEMAS[name], type).toBe(recordDataSchemas[type as RecordType]);
    }
  });

  it('is written as one <Name>.json file per type, and index.json', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'promise-json-schema-'));
    try {
      const written = await writeJsonSchemas(directory);
      expect(written.map((p) => p.slice(directory.length + 1)).sort()).toEqual(
        ['index', ...Object.keys(PUBLIC_SCHEMAS)].map((n) => `${n}.json`).sort(),
      );
      const service = JSON.parse(await readFile(join(directory, 'Service.json'), 'utf8'));
      expect(service).toEqual(toPublicJsonSchema('Service'));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countWords,
  findPersonalData,
  Innovation,
  Organisation,
  Partner,
  Service,
  Uuid,
} from '@promise-global/schema';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAdoptions } from './adoptions.js';
import {
  DEMO_CONTENT_DIR,
  DemoContentError,
  type DemoPartnerContent,
  loadDemoContent,
} from './content/load.js';

const UPDATED_AT = '2026-11-20T12:00:00Z';
const UK_DEMO_PHONE = /^01632 960\d{3}$/;
const US_DEMO_PHONE = /^\+1 203 555 01\d{2}$/;
const ANY_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

let partners: DemoPartnerContent[];
const services = () => partners.flatMap((content) => content.services);
const innovations = () => partners.flatMap((content) => content.innovations);

beforeAll(async () => {
  partners = await loadDemoContent();
});

describe('the demo content', () => {
  it('holds four partners, each valid as a Partner once the launcher adds its base URL', () => {
    expect(partners.map((content) => content.partner.id)).toEqual([
      'cpft',
      'hampshire',
      'merseycare',
      'yale',
    ]);
    for (const { partner } of partners) {
      expect(Partner.safeParse({ ...partner, baseUrl: 'http://127.0.0.1:4001' }).success).toBe(
        true,
      );
    }
    expect(partners.find((content) => content.partner.id === 'yale')?.partner.country).toBe('US');
  });

  it('holds at least 12 write-ups, 20 services and an organisation behind every partner', () => {
    expect(innovations().length).toBeGreaterThanOrEqual(12);
    expect(services().length).toBeGreaterThanOrEqual(20);
    for (const content of partners) expect(content.organisations.length).toBeGreaterThan(0);
  });

  it('gives every record a uuid that no other record in the federation shares', () => {
    const ids = partners.flatMap((content) => [
      ...content.organisations.map((organisation) => organisation.id),
      ...content.services.map((service) => service.id),
      ...content.innovations.map((piece) => piece.id),
    ]);
    for (const id of ids) expect(Uuid.safeParse(id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("links services to their own partner's organisations and write-ups to their own partner's services", () => {
    for (const content of partners) {
      const organisationIds = new Set(content.organisations.map((organisation) => organisation.id));
      const serviceIds = new Set(content.services.map((service) => service.id));
      for (const service of content.services) {
        expect(organisationIds.has(service.organisationId)).toBe(true);
      }
      for (const piece of content.innovations) {
        for (const id of piece.relatedServiceIds) expect(serviceIds.has(id)).toBe(true);
      }
    }
  });

  it('becomes valid stored records once a node adds its own fields', () => {
    for (const content of partners) {
      for (const organisation of content.organisations) {
        expect(
          Organisation.safeParse({ ...organisation, updatedAt: UPDATED_AT }).error,
        ).toBeUndefined();
      }
      for (const service of content.services) {
        expect(Service.safeParse({ ...service, updatedAt: UPDATED_AT }).error).toBeUndefined();
      }
      for (const piece of content.innovations) {
        const record = { ...piece, partnerId: content.partner.id, updatedAt: UPDATED_AT };
        expect(Innovation.safeParse(record).error).toBeUndefined();
      }
    }
  });

  it('keeps every write-up between 300 and 520 words, with several close to 500', () => {
    const counts = innovations().map((piece) => countWords(piece.body));
    for (const words of counts) {
      expect(words).toBeGreaterThanOrEqual(300);
      expect(words).toBeLessThanOrEqual(520);
    }
    expect(counts.filter((words) => words >= 480).length).toBeGreaterThanOrEqual(2);
  });

  it('queues submitted write-ups by distinct submission times across 2026 and keeps a draft or two', () => {
    const submitted = innovations().filter((piece) => piece.status === 'submitted');
    const times = submitted.map((piece) => piece.submittedAt ?? '');
    expect(new Set(times).size).toBe(times.length);
    for (const time of times) expect(time.startsWith('2026-')).toBe(true);
    const months = new Set(times.map((time) => time.slice(5, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
    const drafts = innovations().filter((piece) => piece.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeLessThanOrEqual(partners.length);
  });

  it('varies the kinds, themes and evidence levels of the write-ups', () => {
    expect(new Set(innovations().map((piece) => piece.kind)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(innovations().flatMap((piece) => piece.themes)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(innovations().map((piece) => piece.evidenceLevel))).toEqual(
      new Set(['idea', 'pilot', 'evaluated']),
    );
  });

  it('finds no personal data in any write-up', () => {
    for (const piece of innovations()) {
      const text = [piece.title, piece.summary, piece.outcomes ?? '', piece.body].join('\n');
      expect(findPersonalData(text), piece.title).toEqual([]);
    }
  });

  it('uses only fictional contacts: example.org emails and reserved drama phone numbers', async () => {
    const files = await contentFiles(DEMO_CONTENT_DIR);
    for (const file of files) {
      const source = await readFile(file, 'utf8');
      for (const [email] of source.matchAll(ANY_EMAIL)) {
        expect(email.endsWith('example.org'), `${email} in ${file}`).toBe(true);
      }
    }
    for (const content of partners) {
      const pattern = content.partner.country === 'US' ? US_DEMO_PHONE : UK_DEMO_PHONE;
      for (const phone of content.services.flatMap((service) => service.phones)) {
        expect(phone.number, content.partner.id).toMatch(pattern);
        expect(findPersonalData(phone.number)).toEqual([]);
      }
    }
  });

  it('covers what the service finder filters on', () => {
    const all = services();
    expect(new Set(all.map((service) => service.urgency))).toEqual(
      new Set(['emergency', 'urgent', 'non_urgent']),
    );
    expect(new Set(all.map((service) => service.available24x7))).toEqual(new Set([true, false]));
    const routes = new Set(all.flatMap((service) => service.referralRoutes.map((r) => r.route)));
    expect(routes).toEqual(
      new Set(['self', 'carer_family', 'gp', 'named_team', 'professional', 'step_down']),
    );
    expect(new Set(all.flatMap((service) => service.categories)).size).toBeGreaterThanOrEqual(10);
    expect(all.some((service) => service.responseStandard?.target === 'PT4H')).toBe(true);
    expect(all.some((service) => service.responseStandard?.target === 'PT24H')).toBe(true);
    expect(all.some((service) => service.maxAge !== undefined)).toBe(true);
    expect(all.every((service) => service.serviceAreas.length > 0)).toBe(true);
  });

  it('includes assured, overdue and temporarily closed listings', () => {
    const all = services();
    const assured = all.filter((service) => service.assuredAt !== undefined);
    expect(assured.length / all.length).toBeGreaterThanOrEqual(0.8);
    const overdue = all.filter(
      (service) => service.reviewDue !== undefined && service.reviewDue < '2026-01-01',
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(all.filter((service) => service.status === 'temporarily closed')).toHaveLength(1);
  });

  it('lists the deaf peer group in British Sign Language with textphone and video phone', () => {
    const group = services().find((service) => service.languages.includes('sgn-GB'));
    const types = group?.phones.map((phone) => phone.type) ?? [];
    expect(types).toEqual(expect.arrayContaining(['textphone', 'video']));
  });

  it('names write-up files NN-slug.md so their order is plain', async () => {
    for (const content of partners) {
      const names = await readdir(join(DEMO_CONTENT_DIR, content.partner.id, 'innovations'));
      for (const name of names) expect(name).toMatch(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    }
  });
});

describe('loadDemoContent', () => {
  let scratch: string | undefined;
  afterEach(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  /** Copies one partner's folder into a fresh content directory the test may break. */
  async function copyOfPartner(id: string): Promise<{ root: string; folder: string }> {
    const root = await mkdtemp(join(tmpdir(), 'promise-demo-'));
    scratch = root;
    await cp(join(DEMO_CONTENT_DIR, id), join(root, id), { recursive: true });
    return { root, folder: join(root, id) };
  }

  it('rejects a service whose organisation belongs to no organisation of the partner', async () => {
    const { root, folder } = await copyOfPartner('hampshire');
    const file = join(folder, 'services.json');
    const listed = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
    listed[0] = { ...listed[0], organisationId: '00000000-0000-4000-8000-000000000000' };
    await writeFile(file, JSON.stringify(listed));
    await expect(loadDemoContent(root)).rejects.toThrow(/unknown organisation/);
  });

  it('rejects a submitted write-up without a submission time, naming the file', async () => {
    const { root, folder } = await copyOfPartner('yale');
    const file = join(folder, 'innovations', '01-citizenship-and-recovery.md');
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace(/^submittedAt: .*\n/m, ''));
    const failure = await loadDemoContent(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoContentError);
    expect((failure as DemoContentError).code).toBe('DEMO_CONTENT_INVALID');
    expect((failure as DemoContentError).file).toBe(file);
    expect((failure as DemoContentError).problems.join()).toMatch(/submittedAt/);
  });

  it('rejects a write-up with no front matter', async () => {
    const { root, folder } = await copyOfPartner('merseycare');
    await writeFile(join(folder, 'innovations', '99-loose-note.md'), 'Just some text.\n');
    await expect(loadDemoContent(root)).rejects.toThrow(/front matter/);
  });

  it('rejects a partner whose id differs from its folder name', async () => {
    const { root, folder } = await copyOfPartner('cpft');
    const file = join(folder, 'partner.json');
    const partner = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...partner, id: 'someone-else' }));
    await expect(loadDemoContent(root)).rejects.toThrow(/differs from its folder/);
  });
});

async function contentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(json|md)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the demo adoptions', () => {
  it("take up another partner's submitted piece, stage by stage in date order, after it was shared", async () => {
    const adoptions = await loadDemoAdoptions();
    expect(adoptions.length).toBeGreaterThanOrEqual(6);
    const submitted = new Map(
      innovations()
        .filter((piece) => piece.status === 'submitted')
        .map((piece) => [piece.id, piece]),
    );
    for (const adoption of adoptions) {
      const piece = submitted.get(adoption.piece.recordId);
      expect(piece, adoption.piece.recordId).toBeDefined();
      const owner = partners.find((p) => p.innovations.includes(piece as never))?.partner.id;
      expect(owner).toBe(adoption.piece.partnerId);
      expect(adoption.adopter).not.toBe(owner);
      const dates = adoption.stages.map((stage) => stage.date);
      expect(dates).toEqual(dates.toSorted());
      expect(dates[0] && dates[0] > String(piece?.submittedAt).slice(0, 10)).toBe(true);
      for (const stage of adoption.stages) {
        expect(countWords(stage.note)).toBeLessThanOrEqual(150);
        expect(findPersonalData(stage.note)).toEqual([]);
      }
      expect(findPersonalData(adoption.contactRole)).toEqual([]);
    }
    const stages = new Set(adoptions.map((adoption) => adoption.stages.at(-1)?.stage));
    expect([...stages].sort()).toEqual(['adopted', 'exploring', 'piloting', 'stopped']);
  });
});

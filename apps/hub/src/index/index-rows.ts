import type {
  Adoption,
  Innovation,
  Organisation,
  Partner,
  RecordPayload,
  Service,
} from '@promise-global/schema';

/** A record whose signature and chain position the SDK has verified. */
export interface VerifiedEntry {
  jws: string;
  hash: string;
  payload: RecordPayload;
}

/** Innovation statuses that appear in search; withdrawn (and drafts) do not (DESIGN.md data model). */
const SEARCHABLE_INNOVATION = new Set(['submitted', 'scheduled', 'published']);

export interface InnovationRow {
  recordId: string;
  partnerId: string;
  title: string;
  summary: string;
  body: string;
  kind: string;
  country: string | null;
  year: number | null;
  evidenceLevel: string;
  status: string;
  themes: string;
  publishedAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface ServiceRow {
  recordId: string;
  partnerId: string;
  organisationId: string;
  name: string;
  description: string;
  areasText: string;
  status: string;
  urgency: string;
  available24x7: number;
  categories: string;
  referralRoutes: string;
  areas: string;
  phones: string;
  schedules: string;
  /** IANA zone (schema 1.1), or null when the service does not say. */
  timeZone: string | null;
  /** JSON [[latitude, longitude], …] of its places that give coordinates. */
  places: string;
  minAge: number | null;
  maxAge: number | null;
  assuredAt: string | null;
  reviewDue: string | null;
  updatedAt: string;
}

export interface AdoptionRow {
  recordId: string;
  partnerId: string;
  piecePartnerId: string;
  pieceRecordId: string;
  pieceHash: string;
  stage: string;
  date: string;
  /** The earliest stage date among the versions indexed together (the index keeps the minimum). */
  firstDate: string;
  note: string;
  contactRole: string;
  updatedAt: string;
}

/** What indexing one record does: put a row in a search table, a directory row, or remove it. */
export type IndexAction =
  | { kind: 'innovation'; row: InnovationRow }
  | { kind: 'adoption'; row: AdoptionRow }
  | { kind: 'service'; row: ServiceRow }
  | { kind: 'directory'; recordType: 'partner' | 'organisation'; recordId: string; name: string }
  /** `withdrawn`: the node withdrew it (status or tombstone), so it leaves the Project 52 queue. */
  | { kind: 'remove'; recordType: string; recordId: string; withdrawn: boolean };

function innovationRow(data: Innovation, country: string | null): InnovationRow {
  const dated = data.publishedAt ?? data.submittedAt ?? data.updatedAt;
  return {
    recordId: data.id,
    partnerId: data.partnerId,
    title: data.title,
    summary: data.summary,
    body: data.body,
    kind: data.kind,
    country,
    year: Number(dated.slice(0, 4)) || null,
    evidenceLevel: data.evidenceLevel,
    status: data.status,
    themes: JSON.stringify([...data.themes].sort()),
    publishedAt: data.publishedAt ?? null,
    submittedAt: data.submittedAt ?? null,
    updatedAt: data.updatedAt,
  };
}

function serviceRow(data: Service, partnerId: string): ServiceRow {
  const areaNames = data.serviceAreas.map((area) => area.name);
  return {
    recordId: data.id,
    partnerId,
    organisationId: data.organisationId,
    name: data.name,
    description: data.description,
    areasText: areaNames.join(' · '),
    status: data.status,
    urgency: data.urgency,
    available24x7: data.available24x7 ? 1 : 0,
    categories: JSON.stringify([...data.categories].sort()),
    referralRoutes: JSON.stringify([...new Set(data.referralRoutes.map((r) => r.route))].sort()),
    areas: JSON.stringify([...new Set(areaNames)].sort()),
    phones: JSON.stringify(data.phones),
    schedules: JSON.stringify(data.schedules),
    timeZone: data.timeZone ?? null,
    places: JSON.stringify(
      data.locations.flatMap((place) =>
        place.latitude === undefined || place.longitude === undefined
          ? []
          : [[place.latitude, place.longitude]],
      ),
    ),
    minAge: data.minAge ?? null,
    maxAge: data.maxAge ?? null,
    assuredAt: data.assuredAt ?? null,
    reviewDue: data.reviewDue ?? null,
    updatedAt: data.updatedAt,
  };
}

/** Decides how one verified record changes the index. */
export function indexAction(
  entry: VerifiedEntry,
  node: { partnerId: string; country: string | null },
): IndexAction {
  const { payload } = entry;
  if (payload.tombstone || payload.data === undefined) {
    return { kind: 'remove', recordType: payload.type, recordId: payload.id, withdrawn: true };
  }
  // The SDK's verifier has already validated `data` against recordDataSchemas (unknown fields of a
  // newer minor dropped), so it is typed by the record's type without parsing it again.
  const parsed = { data: payload.data };
  switch (payload.type) {
    case 'innovation': {
      const data = parsed.data as Innovation;
      if (!SEARCHABLE_INNOVATION.has(data.status)) {
        return {
          kind: 'remove',
          recordType: 'innovation',
          recordId: payload.id,
          withdrawn: data.status === 'withdrawn',
        };
      }
      return {
        kind: 'innovation',
        row: { ...innovationRow(data, node.country), recordId: payload.id },
      };
    }
    case 'service':
      return {
        kind: 'service',
        row: { ...serviceRow(parsed.data as Service, node.partnerId), recordId: payload.id },
      };
    case 'partner':
      return {
        kind: 'directory',
        recordType: 'partner',
        recordId: payload.id,
        name: (parsed.data as Partner).name,
      };
    case 'organisation':
      return {
        kind: 'directory',
        recordType: 'organisation',
        recordId: payload.id,
        name: (parsed.data as Organisation).name,
      };
    case 'adoption': {
      const data = parsed.data as Adoption;
      return {
        kind: 'adoption',
        row: {
          recordId: payload.id,
          partnerId: data.partnerId,
          piecePartnerId: data.piece.partnerId,
          pieceRecordId: data.piece.recordId,
          pieceHash: data.piece.hash,
          stage: data.stage,
          date: data.date,
          firstDate: data.date,
          note: data.note,
          contactRole: data.contactRole,
          updatedAt: data.updatedAt,
        },
      };
    }
    default:
      // Types this hub does not know are quarantined before indexing (§4.6); never indexed.
      return { kind: 'remove', recordType: payload.type, recordId: payload.id, withdrawn: false };
  }
}

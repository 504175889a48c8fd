import type {
  HubClient,
  Project52Decision,
  Project52PieceRef,
  Project52PieceState,
  Project52Queue,
} from '@promise-global/sdk/client/hub';
import { HubClientError } from '@promise-global/sdk/client/hub';
import { formatDateTime } from '@promise-global/ui/format';
import { fail } from '@sveltejs/kit';
import { queuePlace, weekAhead, weekInWords } from '#lib/project52-words.js';
import { hubErrorInWords } from '#lib/server/editor-errors.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { editorHub } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';

const ISO_WEEK = /^\d{4}-W\d{2}$/;

export const load: PageServerLoad = async ({ locals }) => {
  const token = locals.editor?.token ?? '';
  try {
    const queue = await editorHub(token).project52Queue();
    const titles = titlesOf(queue);
    let waiting = 0;
    return {
      off: false as const,
      queue,
      // Places among the pieces waiting, not among every piece the queue has ever held.
      places: Object.fromEntries(
        queue.pieces
          .filter((piece) => piece.state === 'queued')
          .map((piece) => [`${piece.partnerId}/${piece.recordId}`, queuePlace(++waiting)]),
      ),
      pinExample: weekAhead(new Date(), 4),
      decisions: queue.decisions
        .slice(-10)
        .reverse()
        .map((decision) => decisionView(decision, titles)),
    };
  } catch (cause) {
    if (cause instanceof HubClientError && cause.message.startsWith('PROJECT52_OFF')) {
      return {
        off: true as const,
        queue: null,
        places: {} as Record<string, string>,
        pinExample: '',
        decisions: [] as ReturnType<typeof decisionView>[],
      };
    }
    return fromHub(() => Promise.reject(cause));
  }
};

/** Each piece's title (or a plain stand-in), by `partnerId/recordId`. */
function titlesOf(queue: Project52Queue): Map<string, string> {
  const titles = new Map<string, string>();
  for (const week of queue.weeks)
    if (week.title) titles.set(`${week.partnerId}/${week.recordId}`, week.title);
  for (const piece of queue.pieces)
    titles.set(`${piece.partnerId}/${piece.recordId}`, piece.title ?? 'Untitled piece');
  return titles;
}

/** A logged decision as the page lists it: the pieces by title, the weeks in words. */
function decisionView(decision: Project52Decision, titles: Map<string, string>) {
  return {
    ...decision,
    when: formatDateTime(decision.at),
    titles: decision.pieces.map((piece) => titles.get(piece) ?? 'a piece no longer listed'),
    weekWords: decision.week ? weekInWords(decision.week) : null,
    otherWeekWords: decision.otherWeek ? weekInWords(decision.otherWeek) : null,
  };
}

/** “Crisis café”: a piece named as the editor saw it. */
function named(queue: Project52Queue, piece: { partnerId: string; recordId: string }): string {
  return `“${titlesOf(queue).get(`${piece.partnerId}/${piece.recordId}`) ?? 'Untitled piece'}”`;
}

/** The week a piece now runs in, in words, when it has one. */
function weekOf(queue: Project52Queue, piece: { partnerId: string; recordId: string }) {
  const week = queue.weeks.find(
    (entry) => entry.partnerId === piece.partnerId && entry.recordId === piece.recordId,
  );
  return week ? weekInWords(week.week) : null;
}

function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

const PIECE_STATES = new Set<string>([
  'queued',
  'approved',
  'changes_requested',
  'declined',
  'withdrawn',
]);

/** The piece as the editor's page showed it, sent so the hub can refuse a decision on a stale view. */
function seenOf(form: FormData): Pick<Project52PieceRef, 'seen'> {
  const state = text(form, 'seenState');
  if (!PIECE_STATES.has(state)) return {};
  const decidedAt = text(form, 'seenDecidedAt');
  return {
    seen: { state: state as Project52PieceState, decidedAt: decidedAt === '' ? null : decidedAt },
  };
}

/** One editor decision from a form: the piece (or weeks) it concerns, run against the hub. */
function decision(
  action: string,
  run: (hub: HubClient, piece: Project52PieceRef, form: FormData) => Promise<string>,
  check?: (form: FormData) => string | null,
): NonNullable<Actions[string]> {
  return async ({ request, locals }) => {
    const form = await request.formData();
    const piece = {
      partnerId: text(form, 'partnerId'),
      recordId: text(form, 'recordId'),
      ...seenOf(form),
    };
    const key = action === 'swap' ? 'swap' : `${piece.partnerId}/${piece.recordId}`;
    const problem = check?.(form) ?? null;
    if (problem) return fail(400, { action, key, error: problem });
    try {
      const done = await run(editorHub(locals.editor?.token ?? ''), piece, form);
      return { action, key, done };
    } catch (cause) {
      const status = cause instanceof HubClientError && cause.httpStatus === 409 ? 409 : 400;
      return fail(status, { action, key, error: hubErrorInWords(cause) });
    }
  };
}

const needs = (name: string, words: string) => (form: FormData) =>
  text(form, name).length === 0 ? words : null;

const week = (name: string) => (form: FormData) =>
  ISO_WEEK.test(text(form, name)) ? null : `Write the week like ${weekAhead(new Date(), 4)}.`;

export const actions: Actions = {
  approve: decision('approve', async (hub, piece) => {
    const queue = await hub.approvePiece(piece);
    const week = weekOf(queue, piece);
    return week
      ? `Approved ${named(queue, piece)} for ${week}.`
      : `Approved ${named(queue, piece)}. It takes the earliest free week.`;
  }),
  changes: decision(
    'changes',
    async (hub, piece, form) => {
      const queue = await hub.requestChanges({ ...piece, note: text(form, 'note') });
      return `Asked for changes to ${named(queue, piece)}. The partner’s staff see your note at their next sync.`;
    },
    needs('note', 'Write a note saying what should change.'),
  ),
  decline: decision(
    'decline',
    async (hub, piece, form) => {
      const queue = await hub.declinePiece({ ...piece, reason: text(form, 'reason') });
      return `Declined ${named(queue, piece)}. The partner’s staff see your reason at their next sync.`;
    },
    needs('reason', 'Write the reason for declining.'),
  ),
  pin: decision(
    'pin',
    async (hub, piece, form) => {
      const queue = await hub.pinPiece({ ...piece, week: text(form, 'week') });
      return `Pinned ${named(queue, piece)} to ${weekInWords(text(form, 'week'))}. The other pieces re-flow around it.`;
    },
    week('week'),
  ),
  unpin: decision('unpin', async (hub, piece) => {
    const queue = await hub.unpinPiece(piece);
    const week = weekOf(queue, piece);
    return `Released the pin on ${named(queue, piece)}${week ? `; it now runs in ${week}` : ''}. It flows with the rest.`;
  }),
  swap: decision(
    'swap',
    async (hub, _piece, form) => {
      const [weekA, weekB] = [text(form, 'weekA'), text(form, 'weekB')];
      const queue = await hub.swapWeeks({ weekA, weekB });
      const runs = (week: string) => {
        const entry = queue.weeks.find((candidate) => candidate.week === week);
        return entry ? `${named(queue, entry)} now runs in ${weekInWords(week)}` : null;
      };
      const sentence = [runs(weekA), runs(weekB)].filter(Boolean).join(' and ');
      return sentence
        ? `Swapped: ${sentence}.`
        : `Swapped ${weekInWords(weekA)} and ${weekInWords(weekB)}.`;
    },
    (form) => week('weekA')(form) ?? week('weekB')(form),
  ),
};

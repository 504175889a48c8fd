import type {
  HubClient,
  Project52PieceRef,
  Project52PieceState,
} from '@promise-global/sdk/client/hub';
import { HubClientError } from '@promise-global/sdk/client/hub';
import { formatDateTime } from '@promise-global/ui/format';
import { fail } from '@sveltejs/kit';
import { hubErrorInWords } from '#lib/server/editor-errors.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { editorHub } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';

const ISO_WEEK = /^\d{4}-W\d{2}$/;

export const load: PageServerLoad = async ({ locals }) => {
  const token = locals.editor?.token ?? '';
  try {
    const queue = await editorHub(token).project52Queue();
    return {
      off: false as const,
      queue,
      decisions: queue.decisions
        .slice(-10)
        .reverse()
        .map((decision) => ({ ...decision, when: formatDateTime(decision.at) })),
    };
  } catch (cause) {
    if (cause instanceof HubClientError && cause.message.startsWith('PROJECT52_OFF')) {
      return { off: true as const, queue: null, decisions: [] };
    }
    return fromHub(() => Promise.reject(cause));
  }
};

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
  ISO_WEEK.test(text(form, name)) ? null : 'Write the week like 2026-W41.';

export const actions: Actions = {
  approve: decision('approve', async (hub, piece) => {
    await hub.approvePiece(piece);
    return 'Approved. It takes the earliest free week.';
  }),
  changes: decision(
    'changes',
    async (hub, piece, form) => {
      await hub.requestChanges({ ...piece, note: text(form, 'note') });
      return 'Changes requested. The partner’s staff see your note at their next sync.';
    },
    needs('note', 'Write a note saying what should change.'),
  ),
  decline: decision(
    'decline',
    async (hub, piece, form) => {
      await hub.declinePiece({ ...piece, reason: text(form, 'reason') });
      return 'Declined. The partner’s staff see your reason at their next sync.';
    },
    needs('reason', 'Write the reason for declining.'),
  ),
  pin: decision(
    'pin',
    async (hub, piece, form) => {
      await hub.pinPiece({ ...piece, week: text(form, 'week') });
      return `Pinned to ${text(form, 'week')}. The other pieces re-flow around it.`;
    },
    week('week'),
  ),
  unpin: decision('unpin', async (hub, piece) => {
    await hub.unpinPiece(piece);
    return 'Pin released. The piece flows with the rest.';
  }),
  swap: decision(
    'swap',
    async (hub, _piece, form) => {
      await hub.swapWeeks({ weekA: text(form, 'weekA'), weekB: text(form, 'weekB') });
      return `Swapped ${text(form, 'weekA')} and ${text(form, 'weekB')}.`;
    },
    (form) => week('weekA')(form) ?? week('weekB')(form),
  ),
};

import type { NodeStatus } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import { fail } from '@sveltejs/kit';
import { countryName } from '#lib/country-name.js';
import { hubErrorInWords } from '#lib/server/editor-errors.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { editorHub, getPortal } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const nodes = await fromHub(() => getPortal().liveHub.nodeStatus());
  // Only operators see what waits for approval (docs/protocol.md §3.1).
  const editor = locals.editor;
  const pending =
    editor?.role === 'operator'
      ? await fromHub(() => editorHub(editor.token).pendingEnrolments())
      : [];
  return {
    now: Date.now(),
    pending,
    nodes: nodes
      .filter((node) => node.state !== 'removed')
      .map((node) => ({
        ...node,
        countryName: countryName(node.country),
        pinnedKeys: node.pinnedKids.map((kid) => ({ kid, fingerprint: keyFingerprint(kid) })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
};

type NodeAction = 'suspend' | 'reinstate' | 'sync';

const DONE: Record<NodeAction, (node: NodeStatus) => string> = {
  suspend: (node) => `${node.name} is suspended. The hub takes nothing new from it.`,
  reinstate: (node) => `${node.name} is reinstated. The hub will read its feed again.`,
  sync: (node) => `The hub read ${node.name}’s feed: ${node.cursorSeq} of ${node.headSeq} records.`,
};

/** Runs an operator's action on one node; the outcome, or the hub's refusal in words, goes beside it. */
function nodeAction(action: NodeAction): NonNullable<Actions[string]> {
  return async ({ request, locals }) => {
    const partnerId = String((await request.formData()).get('partnerId') ?? '');
    if (locals.editor?.role !== 'operator') {
      return fail(403, { action, partnerId, error: 'Only operators can do that.' });
    }
    const hub = editorHub(locals.editor.token);
    try {
      const call = { suspend: hub.suspendNode, reinstate: hub.reinstateNode, sync: hub.syncNode }[
        action
      ];
      const node = await call.call(hub, { partnerId });
      return { action, partnerId, done: DONE[action](node) };
    } catch (cause) {
      return fail(400, { action, partnerId, error: hubErrorInWords(cause) });
    }
  };
}

export const actions: Actions = {
  enrol: async ({ request, locals }) => {
    const url = String((await request.formData()).get('url') ?? '').trim();
    if (locals.editor?.role !== 'operator') {
      return fail(403, { action: 'enrol', url, error: 'Only operators can enrol nodes.' });
    }
    if (!/^https?:\/\/\S+$/.test(url)) {
      return fail(400, {
        action: 'enrol',
        url,
        error: 'Enter the node’s web address, starting with https://.',
      });
    }
    try {
      const pending = await editorHub(locals.editor.token).enrolNode({ url });
      return {
        action: 'enrol',
        done: `The hub checked ${pending.name}’s signed description. Nothing is pinned yet: confirm its key fingerprint with the partner below.`,
      };
    } catch (cause) {
      return fail(400, { action: 'enrol', url, error: hubErrorInWords(cause) });
    }
  },
  approve: async ({ request, locals }) => {
    const form = await request.formData();
    const partnerId = String(form.get('partnerId') ?? '');
    const fingerprint = String(form.get('fingerprint') ?? '').trim();
    if (locals.editor?.role !== 'operator') {
      return fail(403, {
        action: 'approve',
        partnerId,
        error: 'Only operators can approve nodes.',
      });
    }
    if (!fingerprint) {
      return fail(400, {
        action: 'approve',
        partnerId,
        error: 'Enter the fingerprint the partner read out to you from their node.',
      });
    }
    try {
      const node = await editorHub(locals.editor.token).approveNode({ partnerId, fingerprint });
      return {
        action: 'approve',
        partnerId,
        done: `${node.name} is enrolled. The fingerprint matched, so the hub pinned its key; it will read the feed shortly.`,
      };
    } catch (cause) {
      return fail(400, { action: 'approve', partnerId, error: hubErrorInWords(cause) });
    }
  },
  repin: async ({ request, locals }) => {
    const partnerId = String((await request.formData()).get('partnerId') ?? '');
    if (locals.editor?.role !== 'operator') {
      return fail(403, { action: 'repin', partnerId, error: 'Only operators can do that.' });
    }
    try {
      const pending = await editorHub(locals.editor.token).repinNode({ partnerId });
      return {
        action: 'repin',
        partnerId,
        done: `The hub fetched ${pending.name}’s current keys. The old key stays pinned until you confirm the new fingerprint above.`,
      };
    } catch (cause) {
      return fail(400, { action: 'repin', partnerId, error: hubErrorInWords(cause) });
    }
  },
  suspend: nodeAction('suspend'),
  reinstate: nodeAction('reinstate'),
  sync: nodeAction('sync'),
};

import type { NodeStatus } from '@promise-global/sdk/client/hub';
import { fail } from '@sveltejs/kit';
import { countryName } from '#lib/country-name.js';
import { hubErrorInWords } from '#lib/server/editor-errors.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { editorHub, getPortal } from '#lib/server/portal.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  const nodes = await fromHub(() => getPortal().liveHub.nodeStatus());
  return {
    now: Date.now(),
    nodes: nodes
      .filter((node) => node.state !== 'removed')
      .map((node) => ({ ...node, countryName: countryName(node.country) }))
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
      const node = await editorHub(locals.editor.token).enrolNode({ url });
      return {
        action: 'enrol',
        partnerId: node.partnerId,
        done: `${node.name} is enrolled. The hub checked its signed description and pinned its keys; it will read the feed shortly.`,
      };
    } catch (cause) {
      return fail(400, { action: 'enrol', url, error: hubErrorInWords(cause) });
    }
  },
  suspend: nodeAction('suspend'),
  reinstate: nodeAction('reinstate'),
  sync: nodeAction('sync'),
};

import { fail, redirect } from '@sveltejs/kit';
import { checkAdminToken, safeNext, startSession } from '#lib/server/editor-auth.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const next = safeNext(url.searchParams.get('next'));
  if (locals.editor !== null) redirect(303, next);
  return { next };
};

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const token = String(form.get('token') ?? '').trim();
    const next = safeNext(String(form.get('next') ?? ''));
    if (token.length === 0) {
      return fail(400, { error: 'Enter the editor token the hub’s operator gave you.' });
    }
    if (token.length > 512)
      return fail(400, { error: 'That token is too long to be a hub token.' });
    const check = await checkAdminToken(token);
    if (!check.ok) {
      return fail(check.reason === 'refused' ? 401 : 503, {
        error:
          check.reason === 'refused'
            ? 'The hub does not accept that token. Check you copied all of it, or ask an operator for a new one.'
            : 'The hub is not answering just now. Try again in a minute.',
      });
    }
    startSession(cookies, url, token, check.role);
    redirect(303, next);
  },
};

import { redirect } from '@sveltejs/kit';
import { endSession } from '#lib/server/editor-auth.js';
import type { Actions } from './$types';

export const actions: Actions = {
  default: ({ cookies, url }) => {
    endSession(cookies, url);
    redirect(303, '/editors/sign-in');
  },
};

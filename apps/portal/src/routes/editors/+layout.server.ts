import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  if (locals.editor === null && url.pathname !== '/editors/sign-in') {
    redirect(303, `/editors/sign-in?next=${encodeURIComponent(url.pathname)}`);
  }
  return { role: locals.editor?.role ?? null };
};

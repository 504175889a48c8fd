import type { LiveSession } from '#lib/server/editor-sessions.js';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The signed-in editor (the server-side session the cookie names), on editors' pages only. */
      editor: LiveSession | null;
    }
  }
}

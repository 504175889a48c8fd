import type { EditorSession } from '#lib/server/session.js';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The signed-in editor (from the sealed session cookie), on editors' pages only. */
      editor: EditorSession | null;
    }
  }
}

import type { FieldError } from '@promise-global/ui';
import { tick } from 'svelte';
import { ApiError, call, type Versioned } from './api.js';
import { placeIssues, withoutErrorFor } from './field-errors.js';
import { navigate } from './router.svelte.js';

/** The notice above a form: what happened to the last load, save or delete. */
export interface FormMessage {
  tone: 'success' | 'danger';
  text: string;
}

export interface RecordFormSettings {
  /** The records on the node's API, e.g. `/api/services`: one is `${api}/${id}`. */
  api: string;
  /** Their list in the workspace, e.g. `/admin/services`: one is `${list}/${id}`. */
  list: string;
  words: {
    notLoaded: string;
    saved: string;
    added: string;
    /** Said instead of the node's words when someone else saved first (REVISION_MISMATCH). */
    changedMeanwhile?: string;
    /** Said instead of the node's words when it refuses a delete with 409. */
    stillInUse?: string;
  };
}

/**
 * The state and steps the organisation and service pages share: load, save with the revision
 * it read (If-Match), the node's field issues placed beside the fields, delete. The page keeps
 * its own draft and turns it into the request body.
 */
export class RecordForm<T extends { id: string }> {
  record = $state<Versioned<T> | undefined>();
  loaded = $state(false);
  errors = $state<Record<string, string>>({});
  summaryErrors = $state<FieldError[]>([]);
  message = $state<FormMessage | undefined>();
  busy = $state(false);
  confirmDelete = $state(false);

  readonly #settings: RecordFormSettings;

  constructor(settings: RecordFormSettings) {
    this.#settings = settings;
  }

  /** Runs the page's loading; if it fails, says so. The form shows either way. */
  async load(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const text = error instanceof ApiError ? error.message : this.#settings.words.notLoaded;
      this.message = { tone: 'danger', text };
    }
    this.loaded = true;
  }

  /** Reads the record `id` from the node and keeps it (with its revision) for saving. */
  async open(id: string): Promise<Versioned<T>> {
    const found = await call<Versioned<T>>(
      'GET',
      `${this.#settings.api}/${encodeURIComponent(id)}`,
    );
    this.record = found;
    return found;
  }

  /** Forgets the error of the control a person just changed. */
  clearErrorFor(event: Event): void {
    this.errors = withoutErrorFor(this.errors, event);
  }

  /** Adds or updates the record with `body()`, then hands the saved record to `saved`. */
  async save(
    event: SubmitEvent,
    body: () => unknown,
    saved: (record: Versioned<T>) => void,
  ): Promise<void> {
    event.preventDefault();
    const { api, list, words } = this.#settings;
    this.errors = {};
    this.summaryErrors = [];
    this.message = undefined;
    this.busy = true;
    try {
      const input = body();
      if (this.record) {
        this.record = await call<Versioned<T>>('PUT', `${api}/${this.record.data.id}`, {
          body: input,
          ifMatch: this.record.rev,
        });
        this.message = { tone: 'success', text: words.saved };
      } else {
        this.record = await call<Versioned<T>>('POST', api, { body: input });
        history.replaceState(null, '', `${list}/${this.record.data.id}`);
        this.message = { tone: 'success', text: words.added };
      }
      saved(this.record);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        const placed = placeIssues(error.issues);
        this.errors = placed.byPath;
        this.summaryErrors = placed.summary;
      } else {
        const changedMeanwhile = error instanceof ApiError && error.code === 'REVISION_MISMATCH';
        this.message = {
          tone: 'danger',
          text: (changedMeanwhile && words.changedMeanwhile) || failure(error, 'Saving failed.'),
        };
      }
    } finally {
      this.busy = false;
    }
    if (this.message) await this.focusMessage();
  }

  /** Deletes the record and goes back to the list; if it cannot, the focused message says why. */
  async remove(): Promise<void> {
    if (!this.record) return;
    this.busy = true;
    try {
      await call('DELETE', `${this.#settings.api}/${this.record.data.id}`, {
        ifMatch: this.record.rev,
      });
      navigate(this.#settings.list);
    } catch (error) {
      const inUse = error instanceof ApiError && error.status === 409;
      const { stillInUse } = this.#settings.words;
      this.message = {
        tone: 'danger',
        text: (inUse && stillInUse) || failure(error, 'Deleting failed.'),
      };
      this.busy = false;
      this.confirmDelete = false;
      await this.focusMessage();
    }
  }

  /** Moves focus to the message once it is drawn, so screen readers announce it. */
  async focusMessage(): Promise<void> {
    await tick();
    document.getElementById('form-message')?.focus();
  }
}

function failure(error: unknown, fallback: string): string {
  return error instanceof Error ? error.message : fallback;
}

import { releaseOf } from '@promise-global/operations';

/** This release of the hub, and the migrations it knows. */
export const RELEASE = releaseOf(import.meta.url);

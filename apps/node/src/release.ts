import { releaseOf } from '@promise-global/operations';

/** This release of the node, and the migrations it knows. */
export const RELEASE = releaseOf(import.meta.url);

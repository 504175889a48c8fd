import type { z } from 'zod';
import type { InnovationFields } from '../resources/innovations.js';
import type { OrganisationFields } from '../resources/organisations.js';
import type { PartnerInput } from '../resources/partner.js';
import type { ServiceFields } from '../resources/services.js';

/** One problem with one row (CSV: line number; JSON: the item's path), refusing the whole file. */
export interface RowError {
  row: string;
  field: string;
  message: string;
}

/**
 * A zod issue in words a partner's administrator can act on: a missing field says "name is
 * required" rather than zod's "Invalid input: expected string, received undefined".
 */
export function issueInWords(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return `${field} is required`;
  return issue.message;
}

/** Where an item came from, for the error report. */
export interface Source {
  row: string;
}

/**
 * What a file asks for, already validated. Services name their organisation by id, or by
 * `organisationRef`: a key into `organisations` of the same file (the CSV's organisation columns).
 */
export interface ImportPlan {
  partner?: z.output<typeof PartnerInput> | undefined;
  organisations: (Source & { id?: string | undefined; ref?: string; fields: OrganisationFields })[];
  services: (Source & {
    id?: string | undefined;
    /** When set, the organisation is the file's organisation with this `ref`. */
    organisationRef?: string;
    fields: ServiceFields;
  })[];
  innovations: (Source & {
    id?: string | undefined;
    submit: boolean;
    /** When the piece was first submitted, for a piece moved from another system. */
    submittedAt?: string | undefined;
    confirmPersonalData: boolean;
    fields: InnovationFields;
  })[];
}

/** The file had bad rows (nothing was changed), or a row was refused while writing (its chunk was not). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code = 'IMPORT_REFUSED';
  /**
   * `imported`: items committed in earlier chunks before the refused row's chunk (0: nothing was
   * changed; a file of at most one chunk is all or nothing).
   */
  constructor(
    readonly errors: RowError[],
    readonly imported = 0,
  ) {
    super(
      `${imported === 0 ? 'Import refused, nothing was changed' : `Import stopped: the first ${imported} items were imported, nothing after them`} (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${errors
        .slice(0, 50)
        .map((e) => `  ${e.row}: ${e.field}: ${e.message}`)
        .join('\n')}`,
    );
  }
}

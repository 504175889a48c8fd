import type { Service } from '@promise-global/schema';

/** The fields of a service that a card shows. */
export type ServiceSummary = Pick<
  Service,
  | 'name'
  | 'urgency'
  | 'available24x7'
  | 'phones'
  | 'schedules'
  | 'timeZone'
  | 'serviceAreas'
  | 'referralRoutes'
  | 'assuredAt'
  | 'reviewDue'
>;

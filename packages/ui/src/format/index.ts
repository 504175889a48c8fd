export { type ContactAction, contactAction, contactActions, smsHref } from './contact.js';
export { formatAge, formatDate, formatDateTime } from './dates.js';
export { distanceKm, formatDistance } from './distance.js';
export { formatAgeRange, labelFor } from './labels.js';
export { languageName } from './language-name.js';
export {
  describeOpening,
  isOpenNow,
  type OpeningStatus,
  openingStatus,
  zoneIfElsewhere,
  zoneTime,
} from './open-now.js';
export { DEFAULT_REVIEW_DAYS, type ReviewStatus, reviewStatus } from './review-status.js';
export { formatDays, formatHours, formatOpening } from './schedule.js';
export { telHref } from './tel-href.js';

export {
  createSmtpTransport,
  SmtpConfig,
  type SmtpTransport as BulletinTransport,
} from '@promise-global/operations';
export {
  type AlsoNewItem,
  type Bulletin,
  type BulletinPiece,
  bulletinSubject,
  weekLabel,
} from './bulletin/bulletin.js';
export { type BulletinEmail, renderBulletinEmail, renderBulletinText } from './bulletin/email.js';
export { type BulletinFeedOptions, bulletinFeed, type SentBulletin } from './bulletin/feed.js';
export { renderBulletinPage } from './bulletin/page.js';
export { renderBulletinPrint } from './bulletin/print.js';
export { Project52Config, type Project52ConfigInput } from './config.js';
export {
  type SendFailure,
  type SendReport,
  type SendRunOptions,
  sendBulletin,
} from './mailing/send-bulletin.js';
export type { LedgerEntry, SendLedger } from './mailing/send-ledger.js';
export {
  dueWeek,
  lastSend,
  nextSend,
  openWeek,
  type SendTime,
  sendInstant,
} from './mailing/send-time.js';
export type { Subscriber, SubscriberStore } from './mailing/subscribers.js';
export {
  type ConfirmationEmail,
  confirmSubscription,
  MailingError,
  type MailingLinks,
  normaliseAddress,
  requestSubscription,
  unsubscribe,
  unsubscribeLink,
} from './mailing/subscriptions.js';
export type { DecisionCommand, DecisionEvent, QueuedPiece } from './schedule/decision-log.js';
export {
  addIsoWeeks,
  compareIsoWeeks,
  type IsoWeek,
  isIsoWeek,
  isoWeekOf,
  parseIsoWeek,
  weeksInIsoYear,
} from './schedule/iso-week.js';
export { compareQueueOrder, sortQueue } from './schedule/queue-order.js';
export {
  computeSchedule,
  decide,
  type PieceStatus,
  type PublishedWeek,
  publishedSchedule,
  type Schedule,
  type ScheduledWeek,
  type ScheduleInput,
  weekOf,
} from './schedule/schedule.js';
export { ScheduleError, type ScheduleErrorCode } from './schedule/schedule-error.js';
export { planSend, type SendPlan } from './send-plan.js';

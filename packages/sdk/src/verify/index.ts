export { isProtocolError, ProtocolError, type ProtocolErrorCode } from '../errors.js';
export {
  AGGREGATE_DIGEST_ALG,
  type AggregateDigestAlg,
  type AggregateItem,
  aggregateDigest,
  aggregateItemLine,
} from './aggregate-digest.js';
export { extendChain } from './extend-chain.js';
export { type FeedState, initialFeedState } from './feed-state.js';
export { type PinnedKey, type PinnedKeys, pinKeys } from './pinned-keys.js';
export {
  type KnownRevision,
  type RecordIdentity,
  type RevisionBook,
  RevisionCheck,
  type RevisionLookup,
  revisionBook,
} from './revisions.js';
export {
  type VerifiedAggregatePage,
  type VerifyAggregatePageOptions,
  verifyAggregatePage,
} from './verify-aggregate-page.js';
export {
  type VerifiedDescriptor,
  type VerifyDescriptorOptions,
  verifyDescriptor,
} from './verify-descriptor.js';
export {
  type VerifiedFeedPage,
  type VerifyFeedPageOptions,
  verifyFeedPage,
} from './verify-feed-page.js';
export { type VerifyHeadOptions, verifyHead } from './verify-head.js';
export {
  membershipKeys,
  type VerifyMembershipOptions,
  verifyMembership,
} from './verify-membership.js';
export { type ReplayGuard, type VerifyPingOptions, verifyPing } from './verify-ping.js';
export {
  type VerifyProblemReportOptions,
  verifyProblemReport,
} from './verify-problem-report.js';
export {
  type QuarantineReason,
  type RecordEnvelope,
  type VerifiedPayload,
  type VerifiedRecord,
  type VerifyRecordOptions,
  verifyRecord,
} from './verify-record.js';
export {
  mergeStatementKeys,
  type RelayedNode,
  type RelayedSkip,
  type VerifiedRelayedItems,
  type VerifyRelayedItemsOptions,
  verifyRelayedItems,
} from './verify-relayed.js';

export {
  AGGREGATE_DIGEST_ALG,
  type AggregateDigestAlg,
  type AggregateItem,
  aggregateDigest,
} from '../verify/aggregate-digest.js';
export { recordHash } from './record-hash.js';
export {
  type SignOptions,
  signDescriptor,
  signHead,
  signMembership,
  signPing,
  signProblemReport,
  signRecord,
} from './signers.js';

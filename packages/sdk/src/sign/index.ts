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

export { recordHash } from './record-hash.js';
export {
  type SignOptions,
  signDescriptor,
  signHead,
  signMembership,
  signPing,
  signRecord,
} from './signers.js';

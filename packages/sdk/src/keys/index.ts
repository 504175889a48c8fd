export { keyFingerprint, matchesFingerprint, normaliseFingerprint } from './fingerprint.js';
export {
  generateSigningKey,
  type JWK,
  jwkThumbprint,
  publicJwks,
  type SigningKey,
  signingKeyFromJwk,
  signingKeyFromSeed,
} from './signing-key.js';

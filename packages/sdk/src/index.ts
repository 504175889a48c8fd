export {
  isProtocolError,
  PROTOCOL_ERROR_CODES,
  ProtocolError,
  type ProtocolErrorCode,
} from './errors.js';
export { LIMITS, numericDate } from './limits.js';

export { ROLES, type Role, type TokenInfo } from './auth/tokens.js';
export { backupDatabase, restoreDatabase } from './backup/backup.js';
export {
  ConfigError,
  ENV_NAMES,
  type NodeConfig,
  type NodeConfigInput,
  NodeConfigSchema,
  resolveConfig,
} from './config/config.js';
export { CONFIG_FILE_ENV, type LoadConfigOptions, loadConfig } from './config/load-config.js';
export type { NodeContext } from './context.js';
export { NodeError } from './errors.js';
export { exportRecords } from './export/export-records.js';
export {
  type RotateOptions,
  type Rotation,
  rotateSigningKey,
} from './identity/rotate-signing-key.js';
export { ImportError, type RowError } from './import/import-plan.js';
export {
  type ImportOptions,
  type ImportSummary,
  importJson,
  importRecords,
} from './import/import-records.js';
export { type CreateNodeOptions, createNode, type PromiseNode } from './node.js';

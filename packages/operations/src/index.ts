export {
  type DataDirHolder,
  type DataDirLock,
  dataDirHolder,
  type LockOptions,
  lockDataDir,
} from './data-dir-lock.js';
export { databaseOpenError, keyFileError } from './database-error.js';
export { listenError } from './listen-error.js';
export {
  listenMetrics,
  type MetricsListener,
  type MetricsListenerOptions,
  type MetricsSource,
  metricsTokenMatches,
} from './metrics-endpoint.js';
export { OperationError } from './operation-error.js';
export { packageRoot, releaseOf } from './package-root.js';
export {
  databaseFilePath,
  OWNER_ONLY_DIR,
  OWNER_ONLY_FILE,
  privateDatabaseFile,
  privateFolder,
} from './private-files.js';
export {
  checkDatabaseRelease,
  type PendingMigrations,
  type Release,
  recordDatabaseRelease,
} from './release-check.js';
export {
  createSmtpTransport,
  SmtpConfig,
  type SmtpConfigInput,
  type SmtpTransport,
} from './smtp.js';
export { backupDatabase, restoreDatabase } from './sqlite-backup.js';

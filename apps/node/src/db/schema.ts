export * from './schema/admin-session.js';
export * from './schema/api-token.js';
export * from './schema/feed-record.js';
export * from './schema/innovation.js';
export * from './schema/organisation.js';
export * from './schema/partner.js';
export * from './schema/problem-report.js';
export * from './schema/service.js';

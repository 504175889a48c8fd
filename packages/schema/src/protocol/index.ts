export * from './common.js';
export * from './feed-head.js';
export * from './feed-page.js';
export * from './membership-statement.js';
export * from './node-descriptor.js';
export * from './ping.js';
export * from './problem-report.js';
export * from './record-payload.js';

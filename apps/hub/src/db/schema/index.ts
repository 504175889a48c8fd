export * from './admin.js';
export * from './adoptions.js';
export * from './entries.js';
export * from './nodes.js';
export * from './problem-reports.js';
export * from './project52.js';
export * from './search-index.js';
export * from './upstreams.js';

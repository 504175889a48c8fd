/**
 * The searches the home page offers as examples. Each must find at least one piece in the demo
 * network (demo/search-examples.test.ts runs them against the demo content).
 */
export const SEARCH_EXAMPLES = ['crisis café', 'restraint', 'peer support'] as const;

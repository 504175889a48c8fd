/**
 * The zod-free part of the schema: the controlled lists and the word-count rule. Small and safe
 * in a browser (the staff workspace counts words with exactly the rule the node enforces).
 */
export * from './vocabularies.js';
export * from './word-count.js';

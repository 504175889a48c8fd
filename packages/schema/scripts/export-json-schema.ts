import { fileURLToPath } from 'node:url';
import { writeJsonSchemas } from './json-schema.js';

// Committed (json-schema/ at the package root) so the schemas have a stable path in the repository
// as well as in the published package; test/json-schema.test.ts fails when they are out of date.
const directory = fileURLToPath(new URL('../json-schema/', import.meta.url));
const written = await writeJsonSchemas(directory);
console.log(`Wrote ${written.length} JSON Schema files to ${directory}`);

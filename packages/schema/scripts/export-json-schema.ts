import { fileURLToPath } from 'node:url';
import { writeJsonSchemas } from './json-schema.js';

const directory = fileURLToPath(new URL('../dist/json-schema/', import.meta.url));
const written = await writeJsonSchemas(directory);
console.log(`Wrote ${written.length} JSON Schema files to ${directory}`);

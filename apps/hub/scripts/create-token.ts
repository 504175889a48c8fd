import { createAdminToken } from '../src/auth/admin-tokens.js';
import { parseHubConfig } from '../src/config/config.js';
import { hubConfigFromEnv } from '../src/config/env.js';
import { openDatabase } from '../src/db/database.js';

// Usage: node --conditions=source --import tsx scripts/create-token.ts <name> <operator|editor>
const [name, role] = process.argv.slice(2);
if (!name || (role !== 'operator' && role !== 'editor')) {
  console.error('usage: create-token <name> <operator|editor>');
  process.exit(2);
}
const config = parseHubConfig(hubConfigFromEnv());
const db = await openDatabase(config.database);
const created = await createAdminToken(db, { name, role });
console.log(created.token);
db.$client.close();

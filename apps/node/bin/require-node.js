// Refuses, in one line, to run on a Node.js older than the package's `engines.node` (">=N"),
// instead of failing later with a syntax or import error from a dependency.
import { readFileSync } from 'node:fs';

/** The problem with running `version` under the range `>=N`, or null when it is supported. */
export function unsupportedNode(range, version = process.versions.node) {
  const needed = /^>=\s*(\d+)/.exec(range ?? '')?.[1];
  if (needed === undefined) return null;
  const found = Number(version.split('.')[0]);
  return found < Number(needed)
    ? `needs Node.js ${needed} or later; found Node.js ${version}`
    : null;
}

/** Exits with status 1 and one line on stderr when this Node.js is older than the package needs. */
export function requireNode(name, packageJsonUrl) {
  const { engines } = JSON.parse(readFileSync(packageJsonUrl, 'utf8'));
  const problem = unsupportedNode(engines?.node);
  if (problem === null) return;
  console.error(`${name} ${problem}. Install Node.js 24 LTS or later and run it again.`);
  process.exit(1);
}

// Every installed package must declare support for the Node.js we promise (>= 20.19): a
// dependency that needs Node 22 would break `npm start` on the machines Shortwave targets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const floor = '20.19.0';
const offenders = Object.entries(lock.packages)
  .filter(
    ([name, meta]) => name && meta.engines?.node && !semver.satisfies(floor, meta.engines.node),
  )
  .map(
    ([name, meta]) => `${name.replace(/^node_modules\//, '')} requires node ${meta.engines.node}`,
  );
if (offenders.length > 0) {
  console.error(`Packages that do not support Node ${floor}:\n  ${offenders.join('\n  ')}`);
  process.exit(1);
}
console.log(`all ${Object.keys(lock.packages).length - 1} locked packages support Node ${floor}`);

// Browser tests drive Debian's Chromium (Playwright's own download cannot work on these
// machines). Installs it with apt when missing and we are root; otherwise says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) {
  console.log(`Chromium: ${execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()}`);
  process.exit(0);
}
if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
  console.error(
    `No Chromium at ${path}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
console.log('Installing Chromium from Debian (apt-get install chromium)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync(
  'apt-get',
  ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
  { stdio: 'inherit', env },
);
console.log(`Chromium: ${execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()}`);

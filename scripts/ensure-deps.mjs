// `npm start` and `npm test` on a fresh clone: install the locked packages first if they are missing,
// so that the README's one command is enough.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing packages (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

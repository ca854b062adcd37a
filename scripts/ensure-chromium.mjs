// Tests run in the system Chromium: npm cannot download browsers on the machines we target.
// This check fails early with one clear line instead of a stack trace from the launcher.
import { existsSync } from 'node:fs';

import { chromiumPath } from './chromium-path.mjs';

if (!chromiumPath || !existsSync(chromiumPath)) {
  console.error(
    'Chromium not found: install it with `apt-get update && apt-get install -y chromium` (or set CHROME_PATH to a Chromium or Chrome binary).',
  );
  process.exit(1);
}

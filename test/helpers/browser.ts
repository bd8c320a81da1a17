// Where the browser tests find Chromium: CHROMIUM_PATH, else the usual install locations. Without one they are
// skipped with one line saying how to run them, unless REQUIRE_BROWSER=1 (as .ci/run sets), where a missing
// browser is a failure: CI must never pass by skipping them.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

function find(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist: point it at a Chromium or Chrome binary`);
    return configured;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/** The Chromium binary the browser tests drive, or undefined (the tests are then skipped, or fail under REQUIRE_BROWSER). */
export const chromiumPath: string | undefined = find();

if (!chromiumPath) {
  if (process.env.REQUIRE_BROWSER === '1') throw new Error('REQUIRE_BROWSER=1 but no Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  console.warn('browser tests skipped: no Chromium found; install one (e.g. apt-get install chromium) or set CHROMIUM_PATH to run them');
}

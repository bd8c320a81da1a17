// `npm run bench`: runs every module of bench/ that exports run(), one after the other.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const only = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.js') && f !== 'run.js').sort()) {
  const name = path.basename(file, '.js');
  if (only.length > 0 && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> | void };
  if (typeof mod.run !== 'function') continue;
  process.stdout.write(`# ${name}\n`);
  await mod.run();
}

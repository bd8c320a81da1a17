// `npm run bench [name...]`: runs every module of bench/ that exports run(), each in its own process, so one
// benchmark's memory high-water mark never shows up in the next one's figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const here = import.meta.dirname;
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const mod = (await import(pathToFileURL(path.join(here, `${args[1]}.js`)).href)) as { run?: () => Promise<void> | void };
  await mod.run?.();
} else {
  let failed = 0;
  for (const file of readdirSync(here).filter((f) => f.endsWith('.js') && f !== 'run.js').sort()) {
    const name = path.basename(file, '.js');
    if (args.length > 0 && !args.includes(name)) continue;
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: unknown };
    if (typeof mod.run !== 'function') continue;
    process.stdout.write(`# ${name}\n`);
    const r = spawnSync(process.execPath, [import.meta.filename, '--child', name], { stdio: 'inherit' });
    if (r.status !== 0) failed++;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

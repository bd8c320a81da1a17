import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError } from '../../errors.js';
import { buildIndex, indexSummary } from '../../../evaluators/api-index/build.js';
import type { ParsedFlags } from '../args.js';

/** `l4d2-eval index <include-folder...> [--out FILE]`: indexes SourceMod-style include folders into JSON. */
export async function indexCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  if (positionals.length === 0) {
    throw new UserError('E_USAGE', 'index needs at least one include folder', 'e.g. l4d2-eval index addons/sourcemod/scripting/include --out api-index.json');
  }
  for (const dir of positionals) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError('E_INPUT', `not a folder: ${dir}`, 'pass the scripting/include folder of a SourceMod install');
  }
  const describes = parseDescribes(values.describes as string | undefined);
  const started = performance.now();
  const index = await buildIndex(positionals.map((d) => path.resolve(d)));
  Object.assign(index.versions, describes);
  if (values['no-lines'] === true) for (const sym of index.symbols) delete sym.line;
  const ms = Math.round(performance.now() - started);
  const out = values.out as string | undefined;
  if (!out) {
    // No --out: the index itself is the output, for piping.
    process.stdout.write(JSON.stringify(index) + '\n');
    return 0;
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, JSON.stringify(index) + '\n');
  const summary = { out, ms, versions: index.versions, counts: indexSummary(index) };
  if (values.json === true) process.stdout.write(JSON.stringify(summary) + '\n');
  else {
    const counts = Object.entries(summary.counts).map(([k, n]) => `${n} ${k}`).join(', ');
    process.stdout.write(`Indexed ${counts} in ${ms} ms → ${out}\nUse it with \`api: { index: ${out} }\` in the config.\n`);
  }
  return 0;
}

/** `--describes left4dhooks=1.159,sourcemod=1.12.0.7200` as a record. */
function parseDescribes(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9_.-]+)=(\S+)$/.exec(part);
    if (!m) throw new UserError('E_USAGE', `--describes: "${part}" is not name=version`, 'e.g. --describes left4dhooks=1.159,sourcemod=1.12.0.7200');
    out[m[1]!] = m[2]!;
  }
  return out;
}

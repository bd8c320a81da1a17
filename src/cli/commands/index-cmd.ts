import { io } from '../../core/io.js';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError } from '../../core/errors.js';
import { buildIndex, indexSummary } from '../../../evaluators/api-index/build.js';
import type { ParsedFlags } from '../args.js';
import type { IndexProvenance, IndexSource } from '../../../evaluators/api-index/types.js';
import { HARNESS_VERSION } from '../../core/version.js';

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
  index.provenance = provenance(parseSources(values.source as string | undefined, positionals), index.versions);
  if (values['no-lines'] === true) for (const sym of index.symbols) delete sym.line;
  const ms = Math.round(performance.now() - started);
  const out = values.out as string | undefined;
  if (!out) {
    // No --out: the index itself is the output, for piping.
    io.stdout.write(JSON.stringify(index) + '\n');
    return 0;
  }
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, JSON.stringify(index) + '\n');
  const summary = { out, ms, versions: index.versions, counts: indexSummary(index) };
  if (values.json === true) io.stdout.write(JSON.stringify(summary) + '\n');
  else {
    const counts = Object.entries(summary.counts).map(([k, n]) => `${n} ${k}`).join(', ');
    io.stdout.write(`Indexed ${counts} in ${ms} ms → ${out}\nUse it with \`api: { index: ${out} }\` in the config.\n`);
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

/** `--source sourcemod=alliedmodders/sourcemod@e5de0a0:plugins/include,...`: one entry per folder, in folder order. */
function parseSources(raw: string | undefined, folders: readonly string[]): IndexSource[] {
  const parts = (raw ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length > folders.length) throw new UserError('E_USAGE', `--source names ${parts.length} sources for ${folders.length} include folders`, 'give one NAME=OWNER/REPO@COMMIT[:PATH] per folder, in the same order');
  return parts.map((part) => {
    const m = /^([A-Za-z0-9_.-]+)=([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@([0-9a-f]{7,40})(?::(\S+))?$/.exec(part);
    if (!m) throw new UserError('E_USAGE', `--source: "${part}" is not NAME=OWNER/REPO@COMMIT[:PATH]`, 'e.g. --source sourcemod=alliedmodders/sourcemod@e5de0a0:plugins/include');
    return { name: m[1]!, repository: m[2]!, commit: m[3]!, ...(m[4] ? { path: m[4] } : {}) };
  });
}

/** What the index records about how it was made (versions the includes declare are added to their source). */
function provenance(sources: IndexSource[], versions: Record<string, string>): IndexProvenance {
  return {
    generator: { name: 'l4d2-eval index', version: HARNESS_VERSION },
    generatedAt: new Date().toISOString(),
    sources: sources.map((s) => (versions[s.name] ? { ...s, version: versions[s.name] } : s)),
  };
}

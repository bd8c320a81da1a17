// `npm run bench:agreement -- --corpus DIR --spcomp PATH --include DIR... [--list FILE] [--out FILE] [--limit N]`
// Compiles every plugin of a corpus of real plugins with spcomp and judges it with the static check and the api
// check in this one process, then prints how often they agree, what each got wrong by error code, and the time
// per plugin of each. The corpus: DIR/repos/<owner>+<name>/ holds each repository checked out at the listed commit;
// the list (default DIR/list.tsv; this project's are bench/corpus-a.tsv and bench/corpus-b.tsv) has `owner/name<TAB>commit<TAB>path<TAB>include dirs`
// (include dirs relative to the repository, `:`-separated, nearest first). Third-party code stays out of this
// repository: only the list and the figures are committed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadGrammar } from '../evaluators/core/grammar.js';
import { prepareInput, releaseInput } from '../evaluators/core/input.js';
import { staticCompile } from '../evaluators/compile/static.js';
import { syntaxDiagnostics } from '../evaluators/compile/static/syntax.js';
import { parseSpcompOutput } from '../evaluators/compile/diagnostics.js';
import { analyzeApi } from '../evaluators/symbols/api-analysis.js';
import { runRules } from '../evaluators/checks/rule.js';
import { judgeAnswer } from '../src/run/judge.js';
import { defaultCheckSpecs } from '../src/suite/default-checks.js';
import type { EvalInput } from '../evaluators/core/types.js';
import { median } from './median.js';

interface Plugin {
  repo: string;
  commit: string;
  file: string;
  includes: string[];
}

interface Outcome {
  plugin: string;
  spcomp: { ok: boolean; codes: number[]; first?: string; ms: number; problem?: string };
  static: { ok: boolean; codes: number[]; first?: string; syntax: string[]; ms: number };
  judgeMs: number;
  unknownApis: string[];
  /** Unknown APIs with the shipped index alone (plugins that include only SourceMod, sdktools, sdkhooks, dhooks, Left4DHooks). */
  shippedUnknown?: string[];
  rules: { rule: string; line: number; message: string }[];
  invented?: { name: string; api: boolean; static: boolean };
}

const PLAIN_INCLUDES = /^(sourcemod|sdktools(_\w+)?|sdkhooks|dhooks|left4dhooks(_\w+)?)$/;

function readList(file: string, root: string): Plugin[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((line) => {
      const [repo, commit, rel, dirs] = line.split('\t');
      const base = path.join(root, 'repos', repo!.replace('/', '+'));
      return { repo: repo!, commit: commit!, file: path.join(base, rel!), includes: (dirs ?? '').split(':').filter(Boolean).map((d) => path.join(base, d)) };
    });
}

function spcomp(bin: string, p: Plugin, extra: string[], out: string): Outcome['spcomp'] {
  const args = [...p.includes, ...extra].map((d) => `-i${d}`);
  const started = performance.now();
  const r = spawnSync(bin, [...args, path.basename(p.file), `-o${out}`], { cwd: path.dirname(p.file), encoding: 'utf8', timeout: 60_000, maxBuffer: 16 << 20 });
  const ms = performance.now() - started;
  const parsed = parseSpcompOutput(`${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  const errors = parsed.diagnostics.filter((d) => d.severity !== 'warning');
  const problem = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : undefined;
  const first = errors[0] ? `${path.basename(errors[0].file)}:${errors[0].line}: error ${errors[0].code}: ${errors[0].message}` : undefined;
  return { ok: r.status === 0, codes: [...new Set(errors.map((d) => d.code ?? 0))], ...(first ? { first } : {}), ms, ...(problem ? { problem } : {}) };
}

function staticOf(input: EvalInput): Outcome['static'] {
  const started = performance.now();
  const c = staticCompile(input);
  const ms = performance.now() - started;
  const errors = c.diagnostics.filter((d) => d.severity !== 'warning');
  const syntax = input.tree ? syntaxDiagnostics(input, 'plugin.sp').map((d) => `${d.line}: error ${d.code}: ${d.message}`) : [];
  const first = errors[0] ? `${errors[0].line}: error ${errors[0].code}: ${errors[0].message}` : c.problem;
  return { ok: c.ok, codes: [...new Set(errors.map((d) => d.code ?? 0))], ...(first ? { first } : {}), syntax, ms };
}

/** Inserts `text` as the first statement of OnPluginStart; null when the plugin has none. */
function insertInPluginStart(source: string, text: string): string | null {
  const m = /\bOnPluginStart\s*\(\s*\)\s*\{/.exec(source);
  if (!m) return null;
  const at = m.index + m[0].length;
  return `${source.slice(0, at)}\n${text}${source.slice(at)}`;
}

// Invented natives and methods models write (none exists in SourceMod 1.12 or Left4DHooks).
const INVENTED: { name: string; code: string }[] = [
  { name: 'L4D_GetTankCount', code: 'L4D_GetTankCount();' },
  { name: 'GetClientZombieClass', code: 'GetClientZombieClass(1);' },
  { name: 'L4D2_SpawnMob', code: 'L4D2_SpawnMob(10);' },
  { name: 'L4D_GetSurvivorCount', code: 'L4D_GetSurvivorCount();' },
  { name: 'ConVar.GetValueInt', code: 'ConVar hInventedCv = FindConVar("z_difficulty"); hInventedCv.GetValueInt();' },
  { name: 'Event.GetClient', code: 'Event hInventedEv = CreateEvent("player_death"); hInventedEv.GetClient("userid");' },
  { name: 'L4D2_IsPlayerTank', code: 'L4D2_IsPlayerTank(1);' },
  { name: 'ArrayList.Count', code: 'ArrayList hInventedList = new ArrayList(); hInventedList.Count();' },
];

function tally(values: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      list: { type: 'string' },
      spcomp: { type: 'string' },
      include: { type: 'string', multiple: true },
      out: { type: 'string' },
      limit: { type: 'string' },
      filter: { type: 'string' },
    },
  });
  if (!values.corpus || !values.spcomp) {
    process.stderr.write('usage: npm run bench:agreement -- --corpus DIR --spcomp PATH --include DIR [--include DIR...] [--list FILE] [--out FILE]\n');
    process.exitCode = 2;
    return;
  }
  // The static check is what is measured: make sure `auto` never picks a real compiler up.
  delete process.env.SPCOMP;
  delete process.env.SOURCEMOD_INCLUDE;
  const extra = (values.include ?? []).map((d) => path.resolve(d));
  let plugins = readList(values.list ?? path.join(values.corpus, 'list.tsv'), path.resolve(values.corpus));
  if (values.filter) plugins = plugins.filter((p) => p.file.includes(values.filter!));
  if (values.limit) plugins = plugins.slice(0, Number(values.limit));
  await loadGrammar();
  const tmp = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-agreement-'));
  const outcomes: Outcome[] = [];
  try {
    // Tables are built once per set of include folders: start-up, not per-plugin time.
    for (const dirs of new Set(plugins.map((p) => JSON.stringify(p.includes)))) {
      const input = prepareInput('public void OnPluginStart() {}', { compiler: { include: [...JSON.parse(dirs), ...extra] } });
      staticCompile(input);
      releaseInput(input);
    }
    for (const [i, p] of plugins.entries()) {
      const name = `${p.repo}:${path.relative(path.join(path.resolve(values.corpus), 'repos', p.repo.replace('/', '+')), p.file)}`;
      const source = readFileSync(p.file, 'utf8');
      const compiler = { include: [...p.includes, ...extra] };
      const sp = spcomp(values.spcomp, p, extra, path.join(tmp, 'out.smx'));
      const input = prepareInput(source, { compiler, file: p.file });
      const st = staticOf(input);
      const unknownApis = input.tree ? analyzeApi(input).unknown.map((u) => u.name) : [];
      const rules = input.tree ? runRules(input).filter((v) => v.severity === 'error').map((v) => ({ rule: v.rule, line: v.line, message: v.message })) : [];
      const includes = [...source.matchAll(/^\s*#\s*(?:include|tryinclude)\s*[<"]([^>"]+)[>"]/gm)].map((m) => m[1]!.replace(/\.inc$/, ''));
      releaseInput(input);
      const started = performance.now();
      await judgeAnswer(source, defaultCheckSpecs(), 7, { compiler, file: p.file });
      const judgeMs = performance.now() - started;
      const outcome: Outcome = { plugin: name, spcomp: sp, static: st, judgeMs, unknownApis, rules };
      if (includes.every((n) => PLAIN_INCLUDES.test(n))) {
        const plain = prepareInput(source, { compiler: { include: [] }, file: p.file });
        outcome.shippedUnknown = plain.tree ? analyzeApi(plain).unknown.map((u) => u.name) : [];
        releaseInput(plain);
      }
      const inv = INVENTED[i % INVENTED.length]!;
      const modified = sp.ok ? insertInPluginStart(source, inv.code) : null;
      if (modified) {
        const mi = prepareInput(modified, { compiler, file: p.file });
        outcome.invented = { name: inv.name, api: analyzeApi(mi).unknown.some((u) => u.name === inv.name), static: !staticCompile(mi).ok };
        releaseInput(mi);
      }
      outcomes.push(outcome);
      if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${plugins.length}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (process.stderr.isTTY) process.stderr.write('\n');
  report(outcomes, values.out);
}

function report(outcomes: Outcome[], out: string | undefined): void {
  const judged = outcomes.filter((o) => !o.spcomp.problem);
  const compiles = judged.filter((o) => o.spcomp.ok);
  const fails = judged.filter((o) => !o.spcomp.ok);
  const agree = judged.filter((o) => o.spcomp.ok === o.static.ok);
  const falseErrors = compiles.filter((o) => !o.static.ok);
  const caught = fails.filter((o) => !o.static.ok);
  const missed = fails.filter((o) => o.static.ok);
  const falseSyntax = outcomes.filter((o) => o.static.syntax.length > 0 && o.spcomp.ok);
  const falseUnknown = compiles.filter((o) => o.unknownApis.length > 0);
  const plain = compiles.filter((o) => o.shippedUnknown !== undefined);
  const plainUnknown = plain.filter((o) => o.shippedUnknown!.length > 0);
  const invented = outcomes.filter((o) => o.invented);
  const lines = [
    `plugins: ${outcomes.length} (${compiles.length} compile with spcomp, ${fails.length} do not, ${outcomes.length - judged.length} compiler problems)`,
    `static check agrees with spcomp: ${agree.length} of ${judged.length} (${pct(agree.length, judged.length)})`,
    `false compile errors on plugins that compile: ${falseErrors.length} of ${compiles.length} (${pct(falseErrors.length, compiles.length)})`,
    `real compile failures caught: ${caught.length} of ${fails.length} (${pct(caught.length, fails.length)})`,
    `plugins with a false syntax error: ${falseSyntax.length} of ${outcomes.length} (${pct(falseSyntax.length, outcomes.length)})`,
    `api check, "unknown API" on plugins that compile (their include folders configured): ${falseUnknown.length} of ${compiles.length} (${pct(falseUnknown.length, compiles.length)})`,
    `api check with the shipped index alone (plugins that include only SourceMod, sdktools, sdkhooks, dhooks, Left4DHooks): ${plainUnknown.length} of ${plain.length} (${pct(plainUnknown.length, plain.length)})`,
    `invented natives/methods inserted into plugins that compile, caught by the api check: ${invented.filter((o) => o.invented!.api).length} of ${invented.length}; by the static check: ${invented.filter((o) => o.invented!.static).length} of ${invented.length}`,
    `time per plugin (median): spcomp ${median(judged.map((o) => o.spcomp.ms)).toFixed(1)} ms; static check ${median(outcomes.map((o) => o.static.ms)).toFixed(1)} ms; score (all checks, static compile) ${median(outcomes.map((o) => o.judgeMs)).toFixed(1)} ms; speed-up of score over spcomp ${(median(judged.map((o) => o.spcomp.ms)) / median(outcomes.map((o) => o.judgeMs))).toFixed(1)}×`,
    '',
    `false errors by static error code: ${JSON.stringify(tally(falseErrors.flatMap((o) => o.static.codes.map(String))))}`,
    `missed failures by spcomp error code: ${JSON.stringify(tally(missed.flatMap((o) => o.spcomp.codes.map(String))))}`,
    `caught failures by spcomp error code: ${JSON.stringify(tally(caught.flatMap((o) => o.spcomp.codes.map(String))))}`,
    `false unknown APIs: ${JSON.stringify(tally(falseUnknown.flatMap((o) => [...new Set(o.unknownApis)])))}`,
    `shipped-index unknown APIs: ${JSON.stringify(tally(plainUnknown.flatMap((o) => [...new Set(o.shippedUnknown!)])))}`,
    `rule flags (error rules, plugins flagged): ${JSON.stringify(tally(outcomes.flatMap((o) => [...new Set(o.rules.map((r) => r.rule))])))}`,
    '',
    ...falseErrors.map((o) => `false error: ${o.plugin}: ${o.static.first}`),
    ...missed.map((o) => `missed: ${o.plugin}: ${o.spcomp.first}`),
    ...falseSyntax.map((o) => `false syntax: ${o.plugin}: ${o.static.syntax[0]}`),
    ...invented.filter((o) => !o.invented!.api || !o.invented!.static).map((o) => `invented not caught: ${o.plugin}: ${o.invented!.name} (api ${o.invented!.api}, static ${o.invented!.static})`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (out) writeFileSync(out, JSON.stringify(outcomes, null, 1) + '\n');
}

if (import.meta.filename === process.argv[1]) await main();

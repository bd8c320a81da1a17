// A stand-in for spcomp (not installable here): a Node script that follows spcomp 1.12's command line and
// output format. Behaviour is driven by marker comments in the compiled source:
//   //!error 017: undefined symbol "x"   → that diagnostic at that line (also `//!warning 203: ...`)
//   //!crash  → dies by SIGSEGV;  //!hang  → starts a grandchild and hangs;  //!huge  → floods stdout
//   //!memory → reserves 6 GB of address space (fails under compiler.max_memory_mb)
// Each invocation appends `{ argv, cwd }` (and a hang's grandchild pid) to the JSON-lines log in FAKE_SPCOMP_LOG.
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// --jitless: node without its JIT reserves little address space, so it runs under spcomp's memory limit (512 MB).
const SCRIPT = String.raw`#!/usr/bin/env -S node --jitless --no-expose-wasm
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const out = (s) => process.stdout.write(s + '\n');
const log = (entry) => { if (process.env.FAKE_SPCOMP_LOG) fs.appendFileSync(process.env.FAKE_SPCOMP_LOG, JSON.stringify(entry) + '\n'); };
const argv = process.argv.slice(2);
log({ argv, cwd: process.cwd() });
out('SourcePawn Compiler 1.12');
out('Copyright (c) 1997-2006 ITB CompuPhase');
out('Copyright (c) 2004-2021 AlliedModders LLC');
out('');
if (argv.length === 0) {
  out('Usage:   spcomp <filename> [filename...] [options]');
  process.exit(1);
}
const includes = [], files = [], silenced = new Set();
let output = null, werror = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '-i') includes.push(argv[++i]);
  else if (a.startsWith('-i')) includes.push(a.slice(2));
  else if (a.startsWith('-o')) output = a.slice(2);
  else if (a === '-E') werror = true;
  else if (a.startsWith('-w')) silenced.add(Number(a.slice(2)));
  else if (a.startsWith('-')) { out('error: unknown option ' + a); process.exit(1); }
  else files.push(a);
}
const diags = [];
const seen = new Set();
function find(name, quoted, fromDir) {
  const dirs = quoted ? [process.cwd(), fromDir, ...includes] : includes;
  for (const d of dirs) for (const ext of ['', '.inc', '.p', '.pawn']) {
    const f = path.resolve(d, name + ext);
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  }
  return null;
}
function compileFile(shown, real) {
  if (seen.has(real)) return;
  seen.add(real);
  const lines = fs.readFileSync(real, 'utf8').split(/\r?\n/);
  lines.forEach((text, i) => {
    const inc = /^\s*#\s*(include|tryinclude)\s*([<"])([^>"]*)[>"]/.exec(text);
    if (inc) {
      const found = find(inc[3], inc[2] === '"', path.dirname(real));
      if (found) compileFile(found, found);
      else if (inc[1] === 'include') diags.push({ file: shown, line: i + 1, col: text.indexOf('#'), kind: 'error', code: 417, msg: 'cannot read from file: "' + inc[3] + '"', text, fatal: true });
    }
    const m = /\/\/!(error|warning) (\d+): (.*)$/.exec(text);
    if (m) diags.push({ file: shown, line: i + 1, col: text.search(/\S/), kind: m[1], code: Number(m[2]), msg: m[3], text });
    if (text.includes('//!crash')) process.kill(process.pid, 'SIGSEGV');
    if (text.includes('//!hang')) {
      const child = spawn(process.execPath, ['--jitless', '--no-expose-wasm', '-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      log({ grandchild: child.pid });
      setInterval(() => {}, 1000);
      throw 'hang';
    }
    // Reserves 6 GB of address space (never touched, so no real memory is used): fails under a smaller limit.
    if (text.includes('//!memory')) { const keep = []; for (let k = 0; k < 24; k++) keep.push(Buffer.allocUnsafeSlow(256 * 1024 * 1024)); }
    if (text.includes('//!huge')) { const chunk = 'x'.repeat(1023) + '\n'; for (let k = 0; k < 3000; k++) process.stdout.write(chunk); }
  });
}
let hanging = false;
for (const f of files) {
  const real = path.resolve(f);
  if (!fs.existsSync(real)) { out('error 417: cannot read from file: "' + f + '"'); out(''); out('1 Error.'); process.exit(1); }
  try { compileFile(f, real); } catch (e) { if (e === 'hang') hanging = true; else throw e; }
}
if (!hanging) {
  const kept = diags.filter((d) => !(d.kind === 'warning' && silenced.has(d.code)));
  kept.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  let errors = 0, warnings = 0;
  for (const d of kept) {
    const isError = d.kind === 'error' || werror;
    if (isError) errors++; else warnings++;
    out(d.file + '(' + d.line + ') : ' + d.kind + ' ' + String(d.code).padStart(3, '0') + ': ' + d.msg);
    out(String(d.line).padStart(6) + ' | ' + d.text);
    out('-'.repeat(9 + Math.max(0, d.col)) + '^');
    out('');
  }
  if (errors === 0) {
    if (output) fs.writeFileSync(output, 'FFPS');
    out('Code size:         3412 bytes');
    out('Data size:         2048 bytes');
    out('Stack/heap size:      16384 bytes');
    out('Total requirements:   21844 bytes');
  }
  if (errors) out(errors === 1 ? '1 Error.' : errors + ' Errors.');
  if (warnings) out(warnings === 1 ? '1 Warning.' : warnings + ' Warnings.');
  process.exitCode = errors ? 1 : 0;
}
`;

/** One recorded invocation of the stand-in. */
export interface FakeCall {
  argv?: string[];
  cwd?: string;
  grandchild?: number;
}

/** A stand-in spcomp in a fresh temp folder, with its invocation log. */
export interface FakeSpcomp {
  dir: string;
  bin: string;
  logFile: string;
  calls(): FakeCall[];
}

/** Writes the stand-in executable (`#!/usr/bin/env -S node --jitless`, chmod +x) and sets FAKE_SPCOMP_LOG for it. */
export function createFakeSpcomp(): FakeSpcomp {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-fake-spcomp-'));
  const bin = path.join(dir, 'spcomp');
  const logFile = path.join(dir, 'calls.jsonl');
  writeFileSync(bin, SCRIPT);
  chmodSync(bin, 0o755);
  writeFileSync(logFile, '');
  process.env.FAKE_SPCOMP_LOG = logFile;
  return {
    dir,
    bin,
    logFile,
    calls: () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as FakeCall),
  };
}

import { io } from '../../core/io.js';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { initProject, starterFiles } from '../../adopt/init.js';
import type { ParsedFlags } from '../args.js';

/** Asks once on a terminal; anything but n/no goes ahead. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    return !/^\s*n(o)?\s*$/i.test(await rl.question(question));
  } finally {
    rl.close();
  }
}

/** `l4d2-eval init [dir]`: the starter files of a project; existing files are skipped and named. */
export async function initCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const dir = path.resolve(positionals[0] ?? '.');
  const shown = path.relative(process.cwd(), dir) || '.';
  const json = values.json === true;
  if (values.yes !== true && !json && (io.stdin as { isTTY?: boolean }).isTTY) {
    if (!(await confirm(`Write ${starterFiles().length} starter files and .gitignore entries into ${dir} (existing files are kept)? [Y/n] `))) {
      io.stderr.write('Nothing written.\n');
      return 0;
    }
  }
  const r = initProject(dir);
  if (json) {
    io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(`Initialised ${shown}:`);
  for (const f of r.written) out.push(`  wrote    ${f}`);
  for (const f of r.skipped) out.push(`  skipped  ${f} (exists, left unchanged)`);
  out.push(r.gitignore.length > 0 ? `  .gitignore: added ${r.gitignore.join(', ')}` : '  .gitignore: already ignores .l4d2-eval/ and reports/');
  if (r.notes.length > 0) out.push('', 'To do:', ...r.notes.map((n) => `  - ${n}`));
  const cd = shown === '.' ? '' : `cd ${shown} && `;
  out.push(
    '',
    'Next:',
    `  ${cd}npx l4d2-eval run                                     # the starter suite on the sample answers, offline`,
    '  npx l4d2-eval gate --baseline baseline --candidate candidate',
    '  npx l4d2-eval doctor                                  # what this machine uses: spcomp, includes, keys',
    '  OPENAI_API_KEY=... npx l4d2-eval run --models production   # a live model',
  );
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

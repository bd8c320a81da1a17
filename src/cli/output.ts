// Where the CLI writes: report files, progress on stderr, colour only on a TTY without NO_COLOR.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, UsageError } from '../core/errors.js';
import { reporters, type ReporterName, type ReportOptions } from '../report/index.js';
import type { RunResult } from '../types/run.js';

/** True when stdout should get ANSI colours. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const FILE_NAMES: Partial<Record<ReporterName, string>> = { md: 'report.md', csv: 'results.csv', json: 'results.json', html: 'report.html', junit: 'junit.xml' };

/** Validates report format names. */
export function parseFormats(list: string[]): ReporterName[] {
  const known = Object.keys(reporters).filter((k) => k !== 'table');
  for (const f of list) if (!known.includes(f)) throw new UsageError(`unknown report format "${f}"${didYouMean(f, known)}`, `formats: ${known.join(', ')}`);
  return list as ReporterName[];
}

/** Renders and writes each format into `outDir`; returns the written paths. */
export function writeReports(run: RunResult, outDir: string, formats: ReporterName[], options: ReportOptions = {}): string[] {
  mkdirSync(outDir, { recursive: true });
  return formats.map((f) => {
    const reporter = reporters[f];
    const file = path.join(outDir, FILE_NAMES[f] ?? `report.${reporter.extension}`);
    writeFileSync(file, reporter.render(run, options));
    return file;
  });
}

/** A one-line progress printer for stderr (plain lines, so CI logs stay readable). */
export function progressPrinter(total: number, enabled: boolean): (done: number, label: string) => void {
  let last = 0;
  return (done, label) => {
    if (!enabled) return;
    const now = Date.now();
    if (done === total || now - last > 1000) {
      last = now;
      process.stderr.write(`[${done}/${total}] ${label}\n`);
    }
  };
}

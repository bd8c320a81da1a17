// Where the CLI writes: report files, progress on stderr, colour only on a TTY without NO_COLOR.
import { io } from '../core/io.js';
import { parseOutputFormats, writeOutputs } from '../report/write.js';
import { reporters, type ReporterName, type ReportOptions } from '../report/index.js';
import type { RunResult } from '../types/run.js';

/** True when stdout should get ANSI colours. */
export function useColor(stream: { isTTY?: boolean } = io.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

/** Validates report format names (file formats of the reporters' registry). */
export function parseFormats(list: string[]): ReporterName[] {
  return parseOutputFormats(reporters, list, 'report');
}

/** Renders and writes each format into `outDir`; returns the written paths. */
export function writeReports(run: RunResult, outDir: string, formats: ReporterName[], options: ReportOptions = {}): string[] {
  return writeOutputs(reporters, formats, run, options, outDir);
}

/** A one-line progress printer for stderr (plain lines, so CI logs stay readable). */
export function progressPrinter(total: number, enabled: boolean): (done: number, label: string) => void {
  let last = 0;
  return (done, label) => {
    if (!enabled) return;
    const now = Date.now();
    if (done === total || now - last > 1000) {
      last = now;
      io.stderr.write(`[${done}/${total}] ${label}\n`);
    }
  };
}

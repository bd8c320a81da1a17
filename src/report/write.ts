// Writes the formats of an output registry into a folder: the one place report and comparison files are written,
// so the renderers stay pure and every registry's formats and file names live in the registry alone.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, UsageError } from '../core/errors.js';
import type { OutputFormat } from './types.js';

/** The formats of a registry that write a file (terminal-only ones have no file name). */
export function fileFormats<K extends string>(registry: Record<K, OutputFormat<never, never>>): K[] {
  return (Object.keys(registry) as K[]).filter((k) => registry[k].file !== '');
}

/** Validates `--format` names against a registry; `what` names the output in the error, e.g. `comparison`. */
export function parseOutputFormats<K extends string>(registry: Record<K, OutputFormat<never, never>>, list: readonly string[], what: string): K[] {
  const known: string[] = fileFormats(registry);
  for (const f of list) if (!known.includes(f)) throw new UsageError(`unknown ${what} format "${f}"${didYouMean(f, known)}`, `formats: ${known.join(', ')}`);
  return list as K[];
}

/** Renders each format and writes it into `outDir`; returns the written paths in format order. */
export function writeOutputs<Doc, Options, K extends string>(registry: Record<K, OutputFormat<Doc, Options>>, formats: readonly K[], doc: Doc, options: Options, outDir: string): string[] {
  // Every format is rendered before anything is written (a template that fails leaves no folder and no partial set),
  // and each file is written beside its place and renamed into it, so a file is never left half-written.
  const rendered = formats.map((f) => ({ file: path.join(outDir, registry[f].file), text: registry[f].render(doc, options) }));
  mkdirSync(outDir, { recursive: true });
  return rendered.map(({ file, text }) => {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return file;
  });
}

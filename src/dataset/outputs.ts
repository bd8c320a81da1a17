// Writes accepted/rejected lines and the per-example CSV as the check goes, honouring backpressure
// so memory stays flat however large the input.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Reason, Verdict } from './types.js';

/** Output file names inside the --out folder. */
export const OUTPUT_FILES = {
  accepted: 'accepted.jsonl',
  rejected: 'rejected.jsonl',
  reasons: 'rejected.reasons.jsonl',
  csv: 'report.csv',
  markdown: 'report.md',
  summary: 'summary.json',
} as const;

const NL = Buffer.from('\n');

async function write(stream: WriteStream, data: string | Buffer): Promise<void> {
  if (!stream.write(data)) await once(stream, 'drain');
}

function tagged(reasons: Reason[], warnings: Reason[]): object[] {
  return [...reasons, ...warnings.map((w) => ({ ...w, warning: true }))];
}

/** The rejected line with a `_reasons` field added; the original text is kept as is otherwise. */
export function withReasons(text: string, v: Verdict): string {
  const reasons = JSON.stringify(tagged(v.reasons, v.warnings));
  const body = text.replace(/\s+$/, '');
  if (v.jsonObject && body.endsWith('}')) {
    const inner = body.slice(0, -1);
    const sep = /\{\s*$/.test(inner) ? '' : ',';
    return `${inner}${sep}"_reasons":${reasons}}`;
  }
  // Not an object (malformed JSON, an array, a string): keep the text in a field instead.
  return `{"_raw":${JSON.stringify(text)},"_reasons":${reasons}}`;
}

/** The streams of one check. */
export class CheckOutputs {
  private readonly accepted: WriteStream;
  private readonly rejected: WriteStream;
  private readonly reasons: WriteStream | null;
  private readonly csv: WriteStream;

  constructor(
    readonly dir: string,
    inlineReasons: boolean,
  ) {
    mkdirSync(dir, { recursive: true });
    const open = (name: string) => createWriteStream(path.join(dir, name), { highWaterMark: 1 << 20 });
    this.accepted = open(OUTPUT_FILES.accepted);
    this.rejected = open(OUTPUT_FILES.rejected);
    this.reasons = inlineReasons ? null : open(OUTPUT_FILES.reasons);
    this.csv = open(OUTPUT_FILES.csv);
    this.csv.write(stringify([['file', 'line', 'status', 'score', 'reasons', 'warnings', 'unknown_apis']]));
  }

  /** Paths written, by role. */
  files(): Record<string, string> {
    const names: Record<string, string> = { accepted: OUTPUT_FILES.accepted, rejected: OUTPUT_FILES.rejected, csv: OUTPUT_FILES.csv };
    if (this.reasons) names.reasons = OUTPUT_FILES.reasons;
    return Object.fromEntries(Object.entries(names).map(([k, f]) => [k, path.join(this.dir, f)]));
  }

  /** Writes one verdict; `raw` is the line's bytes, or null when it was too long to hold. */
  async add(v: Verdict, raw: Buffer | null): Promise<void> {
    const codes = (rs: Reason[]) => rs.map((r) => r.code).join(' ');
    await write(this.csv, stringify([[v.file, v.line, v.accepted ? 'accepted' : 'rejected', v.score ?? '', codes(v.reasons), codes(v.warnings), v.unknownApis.join(' ')]]));
    if (v.accepted) {
      // Byte-identical to the input line: ready for upload.
      if (raw) await write(this.accepted, Buffer.concat([raw, NL]));
      return;
    }
    if (this.reasons) {
      await write(this.reasons, JSON.stringify({ file: v.file, line: v.line, copied: raw !== null, reasons: tagged(v.reasons, v.warnings) }) + '\n');
      if (raw) await write(this.rejected, Buffer.concat([raw, NL]));
    } else if (raw) {
      await write(this.rejected, withReasons(raw.toString('utf8'), v) + '\n');
    } else {
      // The oversized line itself was never held: leave a stub so the rejection is still visible.
      await write(this.rejected, JSON.stringify({ _file: v.file, _line: v.line, _reasons: v.reasons }) + '\n');
    }
  }

  async close(): Promise<void> {
    const streams = [this.accepted, this.rejected, this.csv, ...(this.reasons ? [this.reasons] : [])];
    await Promise.all(streams.map((s) => new Promise<void>((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())))));
  }
}

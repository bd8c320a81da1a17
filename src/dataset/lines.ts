// Splits a byte stream into lines while counting bytes, so an oversized line is skipped without
// ever being held whole (readline would buffer it entirely before we could refuse it).
import { createReadStream } from 'node:fs';

/** One line of input: its raw bytes (without the '\n'), or null when it was over the limit. */
export interface RawLine {
  /** 1-based line number in the file. */
  line: number;
  raw: Buffer | null;
  /** Size of the line in bytes (without the '\n'). */
  bytes: number;
}

const NL = 0x0a;

/** Reads a file line by line in constant memory (bounded by `maxLineBytes`). */
export async function* readLines(file: string, maxLineBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let held = 0;
  let bytes = 0;
  let oversized = false;
  let line = 0;
  const emit = (): RawLine => {
    const out: RawLine = { line: ++line, raw: oversized ? null : Buffer.concat(parts, held), bytes };
    parts = [];
    held = 0;
    bytes = 0;
    oversized = false;
    return out;
  };
  const keep = (piece: Buffer): void => {
    bytes += piece.length;
    if (oversized) return;
    if (bytes > maxLineBytes) {
      oversized = true;
      parts = [];
      held = 0;
      return;
    }
    // Copy: the stream may reuse its chunk buffers, and a small slice would pin a large chunk.
    parts.push(Buffer.from(piece));
    held += piece.length;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(NL, start); nl !== -1; nl = chunk.indexOf(NL, start)) {
      keep(chunk.subarray(start, nl));
      yield emit();
      start = nl + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
  }
  if (bytes > 0 || parts.length > 0) yield emit();
}

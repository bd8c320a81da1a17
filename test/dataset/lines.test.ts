import path from 'node:path';
import { expect, test } from 'vitest';
import { readLines } from '../../src/dataset/lines.js';
import { tempTree } from '../helpers/tmp.js';

async function collect(text: string, max: number) {
  const dir = tempTree({ 'f.jsonl': text });
  const out: { line: number; text: string | null; bytes: number }[] = [];
  for await (const l of readLines(path.join(dir, 'f.jsonl'), max)) out.push({ line: l.line, text: l.raw?.toString('utf8') ?? null, bytes: l.bytes });
  return out;
}

test('splits lines, keeps \\r and multi-byte text, and yields a last line without newline', async () => {
  expect(await collect('a\r\nbé\n\nlast', 100)).toEqual([
    { line: 1, text: 'a\r', bytes: 2 },
    { line: 2, text: 'bé', bytes: 3 },
    { line: 3, text: '', bytes: 0 },
    { line: 4, text: 'last', bytes: 4 },
  ]);
});

test('an oversized line is reported with its size but not held, and reading goes on', async () => {
  const lines = await collect(`ok\n${'y'.repeat(3_000_000)}\nafter\n`, 1_000_000);
  expect(lines).toEqual([
    { line: 1, text: 'ok', bytes: 2 },
    { line: 2, text: null, bytes: 3_000_000 },
    { line: 3, text: 'after', bytes: 5 },
  ]);
});

// Reads a YAML file keeping source positions, so every problem can name its file and line.
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type Problem } from '../core/errors.js';

/** A parsed YAML file that can say on which line a path is. */
export interface YamlFile {
  file: string;
  data: unknown;
  doc: Document;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** `cases[3].checks[1].kind` from a zod/YAML path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Reads and parses; syntax errors and a missing file become problems, never exceptions. */
export function readYaml(file: string, displayName = file): { yaml?: YamlFile; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found (check the path)' : code === 'EISDIR' ? 'is a folder, not a YAML file' : `cannot read: ${(err as Error).message}`;
    return { problems: [{ file: displayName, message }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const line = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({ file: displayName, line: line(e.pos[0]), message: `invalid YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // Walk up the path until a node with a position is found (a missing key points at its parent).
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return line(node.range[0]);
    }
    return undefined;
  };
  return { yaml: { file: displayName, data: doc.toJS(), doc, lineOf }, problems: [] };
}

/** Turns zod issues into located problems. `base` is prepended to every path. */
export function zodProblems(error: z.ZodError, yaml: YamlFile, base: readonly PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path];
    let message = issue.message;
    let line = yaml.lineOf(path);
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      // Point at the misspelt key itself, not at the start of its parent mapping.
      line = yaml.lineOf([...path, issue.keys[0]!]) ?? line;
    } else if (issue.code === 'invalid_value') {
      const given = yaml.doc.getIn(path as unknown[]);
      const known = issue.values.map(String);
      if (typeof given === 'string') message = `"${given}" is not one of ${known.map((v) => `"${v}"`).join(', ')}${didYouMean(given, known)}`;
    }
    return { file: yaml.file, line, path: formatPath(path) || undefined, message };
  });
}

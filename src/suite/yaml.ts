// Reads a YAML file keeping source positions, so every problem can name its file and line.
//
// Two parsers, one meaning. Most files are read by js-yaml with a schema that resolves plain scalars exactly as the
// YAML 1.2 core schema of the `yaml` package does, recording the line of every mapping and sequence as it goes (what
// a valid suite needs: each case's line). Anything that needs more than that (a syntax error, a problem's exact
// line, a value's node) parses the file again with `yaml`, which keeps every position. Files using what the two
// read differently (tags, directives, complex or null keys) go to `yaml` directly. `test/suite/yaml.test.ts` holds
// the two to the same data and lines on every shipped YAML file and on edge cases.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type Problem } from '../core/errors.js';

/** A parsed YAML file that can say on which line a path is. */
export interface YamlFile {
  file: string;
  data: unknown;
  /** SHA-256 of the text that was parsed (what the parsed-suite cache checks a file against). */
  sha256: string;
  /** The `yaml` document with every position (parsed on first use when the fast reader read the file). */
  readonly doc: Document;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** `cases[3].checks[1].kind` from a zod/YAML path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

// Plain scalars as the YAML 1.2 core schema resolves them (the `yaml` package's default), for js-yaml.
const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => test.test(s ?? ''), construct: (s: string | null) => construct(s ?? '') });
const CORE_1_2 = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      /nan$/i.test(s) ? NaN : /inf$/i.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s),
    ),
  ],
});

/** Constructs the two parsers read differently: directives, explicit (`?`) keys, flow collections as keys (tags are seen while reading). */
const DIFFERENT = /^%|^[ \t-]*\?(?:[ \t]|$)|^[ \t-]*[[{][^\n]*[\]}][ \t]*:(?:[ \t]|$)/m;

/** Keys js-yaml names differently (a null key): the file is read by `yaml` instead. */
function hasOddKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasOddKey);
  return Object.entries(value).some(([k, v]) => k === 'null' || k === '[object Object]' || hasOddKey(v));
}

/** Data and the line of every collection, or undefined when the file must be read by `yaml`. */
function fastRead(text: string): { data: unknown; lines: Map<object, number> } | undefined {
  if (DIFFERENT.test(text)) return undefined;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  // A node opens where js-yaml stands before it: skip space, comments and an anchor to where `yaml` starts it.
  const contentFrom = (p: number) => {
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 9 || c === 10 || c === 13) p++;
      else if (c === 35) while (p < text.length && text.charCodeAt(p) !== 10) p++;
      else if (c === 38) while (p < text.length && !/\s/.test(text[p]!)) p++;
      else return p;
    }
  };
  const lines = new Map<object, number>();
  const shared = new Set<object>();
  const open: number[] = [];
  let tagged = false;
  let data: unknown;
  try {
    data = jsYaml.load(text, {
      schema: CORE_1_2,
      listener(event, state) {
        if (event === 'open') {
          const at = contentFrom(state.position);
          // A node that starts with "!" has a tag (a plain scalar cannot start with it).
          if (text.charCodeAt(at) === 33) tagged = true;
          open.push(at);
        } else {
          const at = open.pop()!;
          const result = (state as unknown as { result: unknown }).result;
          if (result === null || typeof result !== 'object') return;
          // An alias yields the anchored object again: it sits at two places, so it has no one line here.
          if (lines.has(result)) shared.add(result);
          else lines.set(result, lineAt(at));
        }
      },
    });
  } catch {
    return undefined; // `yaml` reports the error with its position
  }
  for (const o of shared) lines.delete(o);
  // An empty document is null to `yaml`, undefined to js-yaml.
  return tagged || hasOddKey(data) ? undefined : { data: data ?? null, lines };
}

let yamlLib: typeof import('yaml') | undefined;
/** The `yaml` package, loaded on first use: most runs never need it. */
const exact = () => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** A file read by `yaml`, keeping every position. */
function slowRead(text: string): { doc: Document; line: (offset: number) => number } {
  const { LineCounter, parseDocument } = exact();
  const lineCounter = new LineCounter();
  // logLevel 'error': a collection used as a key (`? [a]`) must not print Node's "Set mapAsMap: true" warning to the
  // user's terminal; the suite's own validation names that key and its line.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  return { doc, line: (offset: number) => lineCounter.linePos(offset).line };
}

/** The line of the node at `path`, or of the nearest parent with a position (a missing key points at its parent). */
function docLineOf(doc: Document, line: (offset: number) => number, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
    if (exact().isNode(node) && node.range) return line(node.range[0]);
  }
  return undefined;
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
  return parseYaml(text, displayName);
}

/** Parses YAML text as `readYaml` does; `exact` reads it with `yaml` only (the reference the fast reader must match). */
export function parseYaml(text: string, displayName: string, options: { exact?: boolean } = {}): { yaml?: YamlFile; problems: Problem[] } {
  const fast = options.exact ? undefined : fastRead(text);
  let slow: ReturnType<typeof slowRead> | undefined = fast ? undefined : slowRead(text);
  if (slow && slow.doc.errors.length > 0) {
    const { doc, line } = slow;
    return { problems: doc.errors.map((e) => ({ file: displayName, line: line(e.pos[0]), message: `invalid YAML: ${e.message.split('\n')[0]}` })) };
  }
  const full = () => (slow ??= slowRead(text));
  const data = fast ? fast.data : slow!.doc.toJS();
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    if (fast) {
      let value: unknown = fast.data;
      for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
      const known = value !== null && typeof value === 'object' ? fast.lines.get(value) : undefined;
      if (known !== undefined) return known;
    }
    const { doc, line } = full();
    return docLineOf(doc, line, path);
  };
  return {
    yaml: {
      file: displayName,
      data,
      sha256: createHash('sha256').update(text).digest('hex'),
      get doc() {
        return full().doc;
      },
      lineOf,
    },
    problems: [],
  };
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

// Registers a fine-tuned model as a new label in the config file. The `--from` label's entry is copied node by
// node (connection, params, pricing; flow style kept, its comments not) with the new model id, and inserted as
// text after the last model: every other byte of the file (comments, spacing, order) stays as it was. A literal
// key or header value is never copied: only `${VAR}` references are, so no secret is ever written.
import { readFileSync, writeFileSync } from 'node:fs';
import { Document, isMap, isNode, isScalar, parse, parseDocument, visit, type YAMLMap } from 'yaml';
import { UserError } from '../core/errors.js';

/** How the label was registered. */
export type LabelOutcome =
  | { written: true; file: string; notes: string[] }
  | { written: false; file: string; reason: string; snippet: string; notes: string[] };

const ENV_REF = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

/** The `--from` entry with the new id and description; secrets, replay-only fields and comments dropped. */
function newEntry(source: YAMLMap, from: string, modelId: string, description: string, notes: string[]): YAMLMap {
  const entry = source.clone() as YAMLMap;
  visit(entry, (_key, node) => {
    if (isNode(node)) {
      node.comment = null;
      node.commentBefore = null;
      node.spaceBefore = false;
    }
  });
  entry.set('id', modelId);
  entry.set('description', description);
  entry.delete('dir');
  const key = entry.get('apiKey');
  if (key !== undefined && !(typeof key === 'string' && ENV_REF.test(key))) {
    entry.delete('apiKey');
    notes.push(`apiKey of ${from} is not a \${VAR} reference: not copied (the new label reads OPENAI_API_KEY; set apiKey: \${YOUR_VAR} by hand)`);
  }
  const headers = entry.get('headers', true);
  if (isMap(headers) && headers.items.some((p) => !(isScalar(p.value) && typeof p.value.value === 'string' && ENV_REF.test(p.value.value)))) {
    entry.delete('headers');
    notes.push(`headers of ${from} hold literal values: not copied (add them by hand with \${VAR} references)`);
  }
  return entry;
}

/** `label:` and the entry as block YAML, indented by `indent` spaces. */
function entryText(label: string, entry: YAMLMap, indent: number): string {
  const doc = new Document({});
  (doc.contents as YAMLMap).set(label, entry);
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** The file with `text` inserted after the last line of the `models:` mapping, or undefined for unusual layouts. */
function spliced(source: string, models: YAMLMap, text: string): string | undefined {
  if (models.flow || models.items.length === 0) return undefined;
  const last = models.items[models.items.length - 1]!;
  const end = isNode(last.value) ? last.value.range?.[1] : undefined;
  if (end === undefined) return undefined;
  const eol = source.indexOf('\n', Math.max(0, end - 1));
  const at = eol === -1 ? source.length : eol + 1;
  return `${source.slice(0, at)}${eol === -1 ? '\n' : ''}${text}\n${source.slice(at)}`;
}

/**
 * Adds `label` to the config file as a copy of `from` with `modelId`. A label that exists with another id is an
 * error; a file that cannot be written returns the YAML to add instead.
 */
export function addModelLabel(file: string, from: string, label: string, modelId: string, description: string): LabelOutcome {
  const notes: string[] = [];
  const source = readFileSync(file, 'utf8');
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new UserError('E_CONFIG', `cannot parse ${file}: ${doc.errors[0]!.message.split('\n')[0]}`, 'fix the YAML and run `l4d2-eval finetune status` again');
  const models = doc.get('models', true);
  if (!isMap(models)) throw new UserError('E_CONFIG', `no models: mapping in ${file}`, 'declare models under `models:`');
  if (doc.hasIn(['models', label])) {
    const existing = doc.getIn(['models', label, 'id']);
    if (existing === modelId) return { written: true, file, notes: [`label ${label} already names ${modelId}`] };
    throw new UserError('E_CONFIG', `label ${label} already exists in ${file} (id ${String(existing)})`, 'choose another --as label, or remove the old one first');
  }
  const fromNode = doc.getIn(['models', from], true);
  if (!isMap(fromNode)) throw new UserError('E_CONFIG', `model ${from} is not a mapping in ${file}`, 'write it as `<label>: { provider: ..., id: ... }` under `models:`');
  const entry = newEntry(fromNode, from, modelId, description, notes);
  const firstKey = models.items[0]?.key;
  const keyStart = isNode(firstKey) ? firstKey.range?.[0] : undefined;
  const indent = keyStart === undefined ? 2 : keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1);
  const text = entryText(label, entry, indent);
  let out = spliced(source, models, text);
  // Check the splice; an unusual layout falls back to re-printing the document (comments kept, spacing may change).
  const ok = (t: string | undefined) => {
    try {
      return t !== undefined && (parse(t) as { models?: Record<string, { id?: string }> })?.models?.[label]?.id === modelId;
    } catch {
      return false;
    }
  };
  if (!ok(out)) {
    models.set(label, entry);
    out = doc.toString({ lineWidth: 0 });
  }
  try {
    writeFileSync(file, out!);
    return { written: true, file, notes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { written: false, file, reason: `${code ? `${code}: ` : ''}${(err as Error).message}`, snippet: `models:\n${entryText(label, entry, 2)}\n`, notes };
  }
}

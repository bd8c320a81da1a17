// The shape of an API index file, checked when one is read (a hand-edited or truncated file is reported, not trusted).
import * as z from 'zod';

const param = z.object({
  name: z.string(),
  type: z.string(),
  byRef: z.literal(true).optional(),
  array: z.literal(true).optional(),
  size: z.number().optional(),
  default: z.string().optional(),
  variadic: z.literal(true).optional(),
});

const signature = z.object({ type: z.string(), params: z.array(param) });

const member = z.object({
  name: z.string(),
  kind: z.enum(['constructor', 'destructor', 'method', 'property', 'field']),
  type: z.string().optional(),
  params: z.array(param).optional(),
  static: z.literal(true).optional(),
  get: z.literal(true).optional(),
  set: z.literal(true).optional(),
});

const symbol = z.object({
  name: z.string().min(1),
  kind: z.enum(['native', 'forward', 'stock', 'function', 'functag', 'typedef', 'typeset', 'funcenum', 'enum', 'enum-struct', 'methodmap', 'struct', 'define', 'macro', 'constant', 'variable']),
  include: z.string(),
  line: z.number().int().optional(),
  type: z.string().optional(),
  params: z.array(param).optional(),
  signatures: z.array(signature).optional(),
  value: z.string().optional(),
  arity: z.number().int().optional(),
  parent: z.string().optional(),
  entries: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
  members: z.array(member).optional(),
  deprecated: z.literal(true).optional(),
  conditional: z.literal(true).optional(),
});

const source = z.object({
  name: z.string(),
  repository: z.string().optional(),
  commit: z.string().optional(),
  path: z.string().optional(),
  version: z.string().optional(),
});

/** An index as `l4d2-eval index` writes it (schemaVersion 1). */
export const apiIndexSchema = z.object({
  schemaVersion: z.literal(1),
  provenance: z
    .object({ generator: z.object({ name: z.string(), version: z.string() }), generatedAt: z.string(), sources: z.array(source) })
    .optional(),
  versions: z.record(z.string(), z.string()).default({}),
  includes: z.record(z.string(), z.array(z.string())),
  symbols: z.array(symbol),
});

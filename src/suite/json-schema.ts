// The JSON Schema of the suite format, generated from the zod schemas (editors validate suites with it).
// Checks are described as a union over the registry, so each kind's options are documented.
import * as z from 'zod';
import { evaluators } from '../../evaluators/index.js';
import { caseSchema, checkCommonShape, defaultsSchema, suiteFileSchema } from './schema.js';

/** Builds the suite JSON Schema (draft 2020-12). */
export function suiteJsonSchema(): Record<string, unknown> {
  const { kind: _kind, ...common } = checkCommonShape;
  const checkUnion = z.union(
    Object.entries(evaluators).map(([kind, ev]) =>
      (ev.options as unknown as z.ZodObject).extend({ kind: z.literal(kind), ...common }).describe(ev.description),
    ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
  );
  const full = suiteFileSchema.extend({
    defaults: defaultsSchema.extend({ checks: z.array(checkUnion).optional() }).optional(),
    cases: z.array(caseSchema.extend({ checks: z.array(checkUnion).optional() })).optional(),
  });
  return {
    ...z.toJSONSchema(full, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://l4d2-eval.dev/schema/suite.schema.json',
    title: 'l4d2-eval suite',
  };
}

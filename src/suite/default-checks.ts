// The checks applied when no case is given (score command): syntax, the whole rule pack, the API check.
import * as z from 'zod';
import { evaluators } from '../../evaluators/index.js';
import type { Evaluator } from '../../evaluators/core/types.js';
import type { CheckSpec } from '../types/suite.js';

/** syntax + rule + api with default options. */
export function defaultCheckSpecs(): CheckSpec[] {
  return (['syntax', 'rule', 'api'] as const).map((kind) => {
    const ev = evaluators[kind] as unknown as Evaluator;
    const options = (ev.options as z.ZodType).parse({});
    return { kind, id: ev.defaultId(options), weight: 1, required: false, options };
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGrammar } from '../../evaluators/core/grammar.js';
import { suiteJsonSchema } from '../../src/suite/json-schema.js';
import { ROOT } from '../helpers/cli.js';

describe('suite JSON Schema', () => {
  beforeAll(() => loadGrammar());

  it('is in sync with the zod schema (regenerate: npm run schema)', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'suites/suite.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(suiteJsonSchema())));
  });

  it('describes every check kind and the case fields', () => {
    const text = JSON.stringify(suiteJsonSchema());
    for (const kind of ['syntax', 'regex', 'not_regex', 'calls', 'hooks_event', 'includes', 'defines', 'uses', 'convar', 'query', 'rule', 'api', 'compiles']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    const schema = suiteJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'include', 'defaults', 'cases']));
  });

  it('the shipped suite files parse as YAML objects the schema describes', () => {
    const core = parse(readFileSync(path.join(ROOT, 'suites/core.yaml'), 'utf8'));
    expect(core.name).toBe('l4d2-core');
  });
});

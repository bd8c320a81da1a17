import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGrammar } from '../../../evaluators/core/grammar.js';
import { prepareInput } from '../../../evaluators/core/input.js';
import { rules, ruleIds } from '../../../evaluators/rules/index.js';

beforeAll(async () => {
  await loadGrammar();
});

const root = join(import.meta.dirname, '..', '..', 'fixtures');

/** Valid plugins: our own and the shared fixture set (old-syntax ones are exempt from the syntax rules only). */
function plugins(): { file: string; code: string }[] {
  const out: { file: string; code: string }[] = [];
  for (const dir of ['rules', 'plugins']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.sp'));
    } catch {
      continue;
    }
    for (const f of files) out.push({ file: `${dir}/${f}`, code: readFileSync(join(root, dir, f), 'utf8') });
  }
  return out;
}

const SYNTAX_RULES = new Set(['new-syntax', 'pragma-newdecls']);

describe('no error rule fires on valid plugins', () => {
  const all = plugins();
  it('finds the plugins', () => {
    expect(all.filter((p) => p.file.startsWith('rules/')).length).toBeGreaterThanOrEqual(2);
  });
  for (const { file, code } of all) {
    it(file, () => {
      const input = prepareInput('```sourcepawn\n' + code + '\n```');
      const oldSyntax = /old_syntax/.test(file);
      const found = ruleIds
        .filter((id) => rules[id].severity === 'error' && !(oldSyntax && SYNTAX_RULES.has(id)))
        .flatMap((id) => rules[id].check(input));
      expect(found).toEqual([]);
    });
  }
});

// The augment pipeline as a library: an interrupted run is resumed by the next call, samples, the report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { augment } from '../../src/flywheel/augment.js';
import { loadPrompts } from '../../src/flywheel/prompts.js';
import { writeAugmentSuite } from '../../src/flywheel/suite-file.js';
import { RunStore } from '../../src/run/store.js';
import { loadSuites } from '../../src/suite/multi.js';
import { FIXED_PLUGIN, startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';
import { tempTree } from '../helpers/tmp.js';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ defaultAnswer: FIXED_PLUGIN });
});
afterAll(() => server.close());

async function setup(samples: number) {
  const dir = tempTree({
    'l4d2-eval.config.yaml': `models:\n  v2:\n    provider: openai\n    id: gpt-4o-mini-2024-07-18\n    baseURL: ${server.baseURL}\n`,
    'p.yaml': 'system: You write SourceMod plugins.\nprompts:\n  - { category: tank/hp, prompts: ["Tank prompt {{ not a template }}", "Second tank prompt"] }\n',
  });
  const config = loadConfig(path.join(dir, 'l4d2-eval.config.yaml'));
  const set = loadPrompts(path.join(dir, 'p.yaml'));
  const outDir = path.join(dir, 'out');
  const suiteFile = writeAugmentSuite(outDir, set, { samples, minScore: 7, temperature: 0.7, maxTokens: 512 });
  const { suite } = await loadSuites([suiteFile]);
  return { dir, config, set, outDir, suiteFile, suite, model: config.models.v2! };
}

describe('augment (library)', () => {
  it('an interrupted run is resumed by the next call, asking only for what is missing', async () => {
    const s = await setup(1);
    const store = new RunStore(s.config.storeFile);
    try {
      // Ctrl-C after the first answer (one at a time): the lane has already asked the second prompt (a request slot is
      // freed as soon as an answer arrives), which the server holds until the interrupt aborts it.
      const ctl = new AbortController();
      const before = server.requests.length;
      server.options.faults = ['ok', 'hang'];
      const first = await augment({ ...s, store, batch: false, minScore: 7, signal: ctl.signal, concurrency: 1, onItem: () => ctl.abort() });
      server.options.faults = [];
      expect(first).toMatchObject({ state: 'interrupted', stored: 1, total: 2 });
      const second = await augment({ ...s, store, batch: false, minScore: 7 });
      expect(second.state).toBe('done');
      if (second.state !== 'done') return;
      expect(second).toMatchObject({ runId: first.runId, resumed: true });
      // The resumed call asks only the prompt whose answer was never stored.
      const sent = server.requests.slice(before);
      expect(sent.map((q) => q.messages[1]!.content)).toEqual(['Tank prompt {{ not a template }}', 'Second tank prompt', 'Second tank prompt']);
      // The prompt reaches the model literally (not as a template), with the set's system prompt and sampling.
      expect(sent[0]!.messages).toEqual([{ role: 'system', content: 'You write SourceMod plugins.' }, { role: 'user', content: 'Tank prompt {{ not a template }}' }]);
      expect(sent[0]!.body).toMatchObject({ temperature: 0.7, max_tokens: 512 });
      // Both answers are the same plugin: one is kept, the other rejected as a duplicate (or both fail the checks).
      expect(second.filter.accepted + second.filter.rejected).toBe(2);
      expect(second.filter.accepted).toBeLessThanOrEqual(1);
      expect(store.status(first.runId)?.status).toBe('finished');
    } finally {
      store.close();
    }
  });

  it('--samples asks each prompt N times; every answer is a line, the report names the counts', async () => {
    const s = await setup(2);
    const store = new RunStore(s.config.storeFile);
    try {
      const before = server.requests.length;
      const out = await augment({ ...s, store, batch: false, minScore: 0 });
      expect(server.requests.length - before).toBe(4);
      if (out.state !== 'done') throw new Error(out.state);
      expect(out.filter.accepted + out.filter.rejected).toBe(4);
      expect(out.filter.accepted).toBe(1);
      expect(out.filter.reasons).toEqual([{ code: 'duplicate', count: 3 }]);
      expect(readFileSync(path.join(s.outDir, 'candidates.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
      expect(readFileSync(path.join(s.outDir, 'report.md'), 'utf8')).toMatch(/duplicate/);
    } finally {
      store.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIProvider, resolveEndpoint } from '../../src/providers/openai.js';
import type { ModelConfig } from '../../src/config/schema.js';
import type { CompletionRequest } from '../../src/types/provider.js';
import { FIXED_PLUGIN, startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

const fakeKey = ['sk', 'test', 'NEVER', 'STORE', 'x'.repeat(24)].join('-');
const req: CompletionRequest = { label: 'v3', modelId: 'ft:test', caseId: 'c1', sample: 1, messages: [{ role: 'system', content: 'sys' }, { role: 'user', content: 'write a plugin' }], params: { temperature: 0.2, max_tokens: 100, seed: 7 } };

let server: OpenAIServer;
let model: ModelConfig;
beforeAll(async () => {
  server = await startOpenAIServer();
  model = { label: 'v3', provider: 'openai', id: 'ft:test', baseURL: server.baseURL, apiKey: fakeKey, headers: { 'x-team': 'l4d2' } };
});
afterAll(() => server.close());

describe('openai provider', () => {
  it('sends the messages, params, key and headers and returns text and usage', async () => {
    const res = await createOpenAIProvider(model).complete(req, {});
    expect(res.error).toBeUndefined();
    expect(res.text).toBe(FIXED_PLUGIN);
    expect(res.usage?.outputTokens).toBe(Math.ceil(FIXED_PLUGIN.length / 4));
    const seen = server.requests.at(-1)!;
    expect(seen.model).toBe('ft:test');
    expect(seen.messages).toEqual(req.messages);
    expect(seen.body).toMatchObject({ temperature: 0.2, max_tokens: 100, seed: 7 });
    expect(seen.authorization).toBe(`Bearer ${fakeKey}`);
    expect(seen.headers['x-team']).toBe('l4d2');
  });

  it.each([
    ['429', 'rate_limit', true, false],
    ['500', 'server', true, false],
    ['drop', 'network', true, false],
    ['malformed', 'invalid_response', true, false],
    ['empty', 'invalid_response', true, false],
    ['401', 'auth', false, true],
    ['404', 'not_found', false, true],
  ] as const)('turns a %s into a %s error value', async (fault, code, retryable, permanent) => {
    server.options.faults = [fault];
    server.options.retryAfter = '3';
    const res = await createOpenAIProvider(model).complete(req, {});
    expect(res.text).toBeUndefined();
    expect(res.error).toMatchObject({ code, retryable });
    expect(res.error?.permanent ?? false).toBe(permanent);
    if (fault === '429') expect(res.error?.retryAfterMs).toBe(3000);
  });

  it('reads retry-after-ms before retry-after', async () => {
    server.options.faults = ['429'];
    server.options.retryAfterMs = 250;
    const res = await createOpenAIProvider(model).complete(req, {});
    expect(res.error?.retryAfterMs).toBe(250);
    delete server.options.retryAfterMs;
  });

  it('reports a missing key as a permanent error naming the variable and model, without a request', async () => {
    const before = server.requests.length;
    const p = createOpenAIProvider({ label: 'v3', provider: 'openai', id: 'x', baseURL: server.baseURL, apiKey: '${L4D2_TEST_UNSET_KEY}' });
    const res = await p.complete(req, {});
    expect(res.error).toMatchObject({ code: 'auth', permanent: true, message: 'L4D2_TEST_UNSET_KEY is not set: export it or set apiKey in the config for model v3' });
    expect(server.requests.length).toBe(before);
  });
});

describe('resolveEndpoint', () => {
  it('needs OPENAI_API_KEY for api.openai.com, not for a local server without apiKey', () => {
    expect(resolveEndpoint({ label: 'v3', provider: 'openai', id: 'x' }, {}).error?.message).toBe('OPENAI_API_KEY is not set: export it or set apiKey in the config for model v3');
    expect(resolveEndpoint({ label: 'l', provider: 'openai', id: 'x', baseURL: 'http://127.0.0.1:8000/v1/' }, {})).toEqual({ baseURL: 'http://127.0.0.1:8000/v1', apiKey: 'not-needed', headers: {} });
    expect(resolveEndpoint({ label: 'v3', provider: 'openai', id: 'x' }, { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://h/v1' })).toMatchObject({ apiKey: 'k', baseURL: 'http://h/v1' });
    expect(resolveEndpoint({ label: 'v3', provider: 'openai', id: 'x', headers: { a: 'Bearer ${TOK}' } }, { OPENAI_API_KEY: 'k', TOK: 't' }).headers).toEqual({ a: 'Bearer t' });
  });
});

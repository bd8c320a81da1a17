import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import { ModelScheduler } from '../../src/run/scheduler.js';
import { TokenBucket } from '../../src/run/limits.js';
import type { CompletionRequest, CompletionResult, Provider } from '../../src/types/provider.js';
import { startOpenAIServer, type OpenAIServer } from '../helpers/openai-server.js';

const req = (caseId = 'c1'): CompletionRequest => ({ label: 'v3', modelId: 'm', caseId, sample: 1, messages: [{ role: 'user', content: caseId }], params: {} });
const fast = { baseDelayMs: 5, maxDelayMs: 200, timeoutMs: 2000 };

let server: OpenAIServer;
let provider: Provider;
beforeAll(async () => {
  server = await startOpenAIServer();
  provider = createOpenAIProvider({ label: 'v3', provider: 'openai', id: 'm', baseURL: server.baseURL });
});
afterAll(() => server.close());

describe('ModelScheduler', () => {
  it('retries 429, 500, drops, malformed bodies and hangs, then succeeds', async () => {
    server.options.faults = ['429', '500', 'drop', 'malformed', 'hang'];
    server.options.retryAfter = '0';
    const s = new ModelScheduler(provider, { ...fast, timeoutMs: 300 });
    const before = server.requests.length;
    const res = await s.complete(req());
    expect(res.error).toBeUndefined();
    expect(res.text).toContain('OnPluginStart');
    expect(server.requests.length - before).toBe(6);
    expect(s.stats).toEqual({ requests: 6, retries: 5, errors: 0 });
  });

  it('waits as long as Retry-After says', async () => {
    server.options.faults = ['429'];
    server.options.retryAfterMs = 400;
    const s = new ModelScheduler(provider, { ...fast, maxDelayMs: 5000 });
    const t = performance.now();
    const res = await s.complete(req());
    expect(res.error).toBeUndefined();
    expect(performance.now() - t).toBeGreaterThanOrEqual(390);
    delete server.options.retryAfterMs;
  });

  it('gives up after maxAttempts with the last error as a value', async () => {
    server.options.faults = ['500', '500', '500'];
    const s = new ModelScheduler(provider, { ...fast, maxAttempts: 3 });
    const res = await s.complete(req());
    expect(res.error).toMatchObject({ code: 'server' });
    expect(res.error?.message).toContain('gave up after 3 attempts');
    expect(s.stats).toEqual({ requests: 3, retries: 2, errors: 1 });
  });

  it('stops the model after a permanent error: later items fail without a request', async () => {
    server.options.faults = ['401'];
    const s = new ModelScheduler(provider, { ...fast, concurrency: 1 });
    const before = server.requests.length;
    const results = await Promise.all([1, 2, 3, 4].map((i) => s.complete(req(`c${i}`))));
    expect(results.every((r) => r.error?.code === 'auth')).toBe(true);
    expect(server.requests.length - before).toBe(1);
    expect(s.stopped?.message).toContain('401');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: Provider = {
      name: 'slow',
      async complete(): Promise<CompletionResult> {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return { text: 'x', latencyMs: 20, cached: false };
      },
    };
    const s = new ModelScheduler(slow, { concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => s.complete(req(`c${i}`))));
    expect(peak).toBe(3);
  });

  it('aborts in-flight requests when the run is interrupted', async () => {
    server.options.faults = ['hang'];
    const s = new ModelScheduler(provider, { ...fast, timeoutMs: 60_000 });
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const t = performance.now();
    const res = await s.complete(req(), ctl.signal);
    expect(res.error?.code).toBe('aborted');
    expect(performance.now() - t).toBeLessThan(5000);
    expect(s.stats.errors).toBe(0);
  });
});

describe('TokenBucket', () => {
  it('lets a minute of budget through at once, then paces', async () => {
    let now = 0;
    const b = new TokenBucket(60, () => now);
    for (let i = 0; i < 60; i++) await b.take(1);
    const waiting = b.take(1);
    let done = false;
    void waiting.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    now += 1000; // one second refills one request at 60 rpm
    await waiting;
    expect(done).toBe(true);
  });
});

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built module: fork() needs a .js entry, and vitest's global setup has just compiled dist/.
const built = pathToFileURL(path.resolve(import.meta.dirname, '..', '..', 'dist', 'bench', 'server-process.js')).href;
const { startServerProcess } = (await import(built)) as typeof import('../../bench/server-process.js');

async function ask(baseURL: string, prompt: string): Promise<{ status: number; content: string | null }> {
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: prompt }] }),
  });
  const body = (await res.json()) as { choices?: { message: { content: string | null } }[] };
  return { status: res.status, content: body.choices?.[0]?.message.content ?? null };
}

describe('startServerProcess (the bench server in a child process)', () => {
  const started = startServerProcess({ defaultAnswer: 'plain' });
  afterAll(async () => (await started).close());

  it('answers from another process, and applies option changes before set() resolves', async () => {
    const server = await started;
    expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(await ask(server.baseURL, 'a')).toEqual({ status: 200, content: 'plain' });
    await server.set({ answers: [['a', 'for a']] });
    expect((await ask(server.baseURL, 'a')).content).toBe('for a');
    expect((await ask(server.baseURL, 'b')).content).toBe('plain');
    await server.set({ answers: null, faults: ['500'] });
    expect((await ask(server.baseURL, 'a')).status).toBe(500);
    expect((await ask(server.baseURL, 'a')).content).toBe('plain');
  });

  it('stops the child on close', async () => {
    const other = await startServerProcess();
    await other.close();
    await expect(ask(other.baseURL, 'x')).rejects.toThrow();
  });
});

// `l4d2-eval serve` as a user starts it: a real process (it runs until a signal). The first line is the URL; Ctrl-C
// exits 130, SIGTERM 0; a non-loopback --host gets a generated access token. Flag mistakes exit 2 in-process.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cli, tempProject } from '../helpers/cli.js';

const project = tempProject();

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Starts `serve` with these flags; resolves with its first stdout line and the process. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: project, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('Ctrl-C stops')) resolve(stdout.split('\n'));
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return { child, lines, exited, stderr: () => stderr };
}

function get(url: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    http.get({ host: '127.0.0.1', port: u.port, path: u.pathname + u.search, headers: host ? { host } : {} }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('l4d2-eval serve (process)', () => {
  it('prints the URL first, serves it, and stops on Ctrl-C with exit 130', async () => {
    const s = serve(['--port', '0']);
    const [first] = await s.lines;
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get(first!)).toBe(200);
    expect(await get(`${first!}api/runs`)).toBe(200);
    s.child.kill('SIGINT');
    expect(await s.exited).toBe(130);
    expect(s.stderr()).toContain('stopped');
  });

  it('on a non-loopback host, generates an access token, requires it, and exits 0 on SIGTERM', async () => {
    const s = serve(['--host', '0.0.0.0', '--port', '0']);
    const [first, second] = await s.lines;
    const m = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{20,})$/.exec(first!);
    expect(m, first).not.toBeNull();
    expect(second).toContain(`access token ${m![2]}`);
    const host = `127.0.0.1:${m![1]}`;
    expect(await get(`http://${host}/api/runs`, host)).toBe(401);
    expect(await get(`http://${host}/?token=${m![2]}`, host)).toBe(303);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses a bad --port or a short --token with exit 2 and a hint', async () => {
    const port = await cli(['serve', '--port', '70000'], project);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port must be a port number 0-65535 (0 picks a free one), got "70000"');
    const token = await cli(['serve', '--token', 'short'], project);
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/--token must be at least 16 characters\nhint: /);
  });
});

import { io } from '../../core/io.js';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { loadConfig } from '../../config/load.js';
import { UsageError } from '../../core/errors.js';
import { isLoopback, startServer } from '../../serve/server.js';
import { loadSuites } from '../../suite/multi.js';
import type { ParsedFlags } from '../args.js';

/** Default port of `serve`. */
export const DEFAULT_PORT = 8787;

function portOf(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a port number 0-65535 (0 picks a free one), got "${value}"`);
  return n;
}

/** Opens the URL in the desktop's browser; no shell is involved, and a failure is only a warning. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr.write(`warning: could not start ${cmd}; open ${url} yourself\n`));
    child.unref();
  } catch {
    io.stderr.write(`warning: could not start ${cmd}; open ${url} yourself\n`);
  }
}

/** `l4d2-eval serve`: the local workbench. Runs until Ctrl-C (exit 130) or SIGTERM (exit 0). */
export async function serveCommand(values: ParsedFlags): Promise<number> {
  const host = typeof values.host === 'string' && values.host.trim() ? values.host.trim() : '127.0.0.1';
  const port = portOf(values.port);
  let accessToken = typeof values.token === 'string' ? values.token : undefined;
  if (accessToken !== undefined && accessToken.length < 16) throw new UsageError('--token must be at least 16 characters', 'e.g. --token "$(openssl rand -hex 16)", or leave it out on a non-loopback --host to get a generated one');
  const config = loadConfig(values.config as string | undefined);
  const { suite, warnings } = await loadSuites([config.suite]);
  for (const w of warnings) io.stderr.write(`warning: ${w}\n`);
  const generated = accessToken === undefined && !isLoopback(host);
  if (generated) accessToken = randomBytes(18).toString('base64url');
  const server = await startServer({ config, suite, host, port, ...(accessToken !== undefined ? { accessToken } : {}) });
  // The first line is the URL to open, so scripts can read it.
  io.stdout.write(`${server.url}\n`);
  if (generated) io.stdout.write(`--host ${host} is reachable from other machines: every request needs the access token ${accessToken} (already in the URL above; from another machine use this one's address with ?token=…)\n`);
  io.stdout.write(`Playground and runs of ${config.file} (store ${config.storeFile}); Ctrl-C stops.\n`);
  if (values.open === true) openBrowser(server.url);
  const code = await new Promise<number>((resolve) => {
    const stop = (c: number) => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(c);
    };
    const onInt = stop(130);
    const onTerm = stop(0);
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  await server.close();
  io.stderr.write('stopped\n');
  return code;
}

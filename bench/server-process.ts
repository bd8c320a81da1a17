// The loopback OpenAI server in a child process, so a benchmark's figures measure the harness alone
// instead of the harness and the server sharing one event loop and one core.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startOpenAIServer, type ServerOptions } from './openai-server.js';

/** Options a benchmark may change while the child runs (answers travel as [prompt, answer] pairs). */
export type ChildServerOptions = Omit<ServerOptions, 'answers'> & { answers?: [string, string][] | null };

/** Parent → child messages. */
type Request = { id: number; set: ChildServerOptions };
/** Child → parent messages. */
type Reply = { ready: string } | { ack: number };

const CHILD_FLAG = '--l4d2-bench-server';

/** A server running in its own process. */
export interface ServerProcess {
  baseURL: string;
  /** Changes the server's options; resolves once the child has applied them. */
  set(options: ChildServerOptions): Promise<void>;
  close(): Promise<void>;
}

/** Forks this module as a server process and waits for its address. */
export async function startServerProcess(initial: ChildServerOptions = {}): Promise<ServerProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [CHILD_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, () => void>();
  let next = 0;
  const ready = new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.on('message', (m: Reply) => {
      if ('ready' in m) resolve(m.ready);
      else pending.get(m.ack)?.();
    });
  });
  const set = (options: ChildServerOptions) =>
    new Promise<void>((resolve) => {
      const id = ++next;
      pending.set(id, () => {
        pending.delete(id);
        resolve();
      });
      child.send({ id, set: options } satisfies Request);
    });
  const baseURL = await ready;
  await set(initial);
  return {
    baseURL,
    set,
    async close() {
      child.removeAllListeners('exit');
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

async function serve(): Promise<void> {
  const server = await startOpenAIServer({ record: false });
  process.on('message', (m: Request) => {
    const { answers, ...rest } = m.set;
    Object.assign(server.options, rest);
    if (answers !== undefined) server.options.answers = answers === null ? undefined : new Map(answers);
    process.send?.({ ack: m.id } satisfies Reply);
  });
  // The parent going away (or killing us) ends the server with it.
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
  process.send?.({ ready: server.baseURL } satisfies Reply);
}

// Only the forked child serves: bench/run.js imports every module of bench/ to look for run().
if (process.argv.includes(CHILD_FLAG) && process.send) await serve();

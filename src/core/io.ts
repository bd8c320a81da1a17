// Where the command line writes and reads: the process's own streams, or those of an in-process caller
// (`main(argv, io)` in tests and embedders). Carried by AsyncLocalStorage, so concurrent calls never mix output.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';

/** A stream the CLI writes to. */
export interface OutStream {
  write(text: string): boolean;
  isTTY?: boolean;
}

/** The streams of one CLI invocation. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream;
}

const current = new AsyncLocalStorage<Partial<CliIO>>();

/** The streams of the invocation in progress (the process's own outside of one). */
export const io: CliIO = {
  get stdout() {
    return current.getStore()?.stdout ?? process.stdout;
  },
  get stderr() {
    return current.getStore()?.stderr ?? process.stderr;
  },
  get stdin() {
    return current.getStore()?.stdin ?? process.stdin;
  },
};

/** Runs `fn` with these streams as `io`. */
export function withIO<T>(streams: Partial<CliIO>, fn: () => Promise<T>): Promise<T> {
  return current.run(streams, fn);
}

/** All of standard input as text (the caller's stdin when one was given). */
export async function readStdin(): Promise<string> {
  const given = current.getStore()?.stdin;
  if (!given) return readFileSync(0, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of given) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

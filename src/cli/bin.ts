#!/usr/bin/env node
// The l4d2-eval executable: runs `main` on the process's arguments and streams and sets the exit code.
import { main } from './main.js';

// `l4d2-eval score x.sp --json | head -1`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

// Replay provider: recorded answers from files, so the default path and the tests run offline.
// Layout: <dir>/<case-id>.md (every sample) or <dir>/<case-id>.<sample>.md (one per sample).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompletionRequest, CompletionResult, Provider } from '../types/provider.js';
import type { ModelConfig } from '../config/schema.js';

// Read synchronously: a recording is small, and an async read would measure time spent queued behind
// other items' judging (CPU-bound) as "latency".
function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Creates a replay provider reading from the model's `dir`. */
export function createReplayProvider(model: ModelConfig): Provider {
  const dir = model.dir ?? path.join('fixtures', 'responses', model.label);
  return {
    name: 'replay',
    async complete(req: CompletionRequest): Promise<CompletionResult> {
      const started = performance.now();
      const candidates = [path.join(dir, `${req.caseId}.${req.sample}.md`), path.join(dir, `${req.caseId}.md`)];
      try {
        for (const file of candidates) {
          const text = readIfExists(file);
          if (text !== undefined) return { text, latencyMs: performance.now() - started, cached: false, finishReason: 'stop' };
        }
      } catch (err) {
        return { error: { code: 'read_error', message: `cannot read recording: ${(err as Error).message}`, retryable: false }, latencyMs: performance.now() - started, cached: false };
      }
      return {
        error: { code: 'missing_recording', message: `no recording for case "${req.caseId}" sample ${req.sample} (expected ${path.relative(process.cwd(), candidates[1]!)})`, retryable: false },
        latencyMs: performance.now() - started,
        cached: false,
      };
    },
  };
}

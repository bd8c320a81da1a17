// `l4d2-eval generate "prompt" --model v2`: one answer, judged and listed like `score`; --out writes its code.
import { readFileSync, writeFileSync } from 'node:fs';
import { io, readStdin } from '../../core/io.js';
import { loadConfig } from '../../config/load.js';
import { selectModels } from '../../config/models.js';
import { UsageError, UserError } from '../../core/errors.js';
import { Conversation, labelledCode } from '../../flywheel/generate.js';
import type { ParsedFlags } from '../args.js';
import { human } from './score.js';

/** The one model of generate/chat/augment: --model, else the only configured one. */
export function oneModel(config: ReturnType<typeof loadConfig>, value: string | boolean | undefined, command: string) {
  const labels = Object.keys(config.models);
  if (typeof value !== 'string') {
    if (labels.length === 1) return config.models[labels[0]!]!;
    throw new UsageError(`${command} needs --model LABEL`, `labels in ${config.file}: ${labels.join(', ')}`);
  }
  return selectModels(config, [value])[0]!;
}

async function promptOf(values: ParsedFlags, positionals: string[]): Promise<string> {
  if (positionals.length > 1) throw new UsageError('give the prompt as one quoted argument', 'e.g. l4d2-eval generate "Write a plugin that ..." --model v2');
  if (typeof values.file === 'string' && positionals.length > 0) throw new UsageError('give the prompt either as an argument or with --file, not both');
  let text: string;
  if (typeof values.file === 'string') {
    try {
      text = readFileSync(values.file, 'utf8');
    } catch (err) {
      throw new UserError('E_INPUT', `cannot read --file ${values.file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message}`, 'check the path');
    }
  } else text = positionals[0] ?? (await readStdin());
  if (text.trim() === '') throw new UsageError('the prompt is empty', 'e.g. l4d2-eval generate "Write a plugin that ..." --model v2 (or pipe the prompt on stdin)');
  return text.trim();
}

/** Handler of `generate`: exit 0 when the answer passes, 1 when it does not (as `score`), 2 when there is none. */
export async function generateCommand(values: ParsedFlags, positionals: string[]): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const model = oneModel(config, values.model, 'generate');
  const prompt = await promptOf(values, positionals);
  const reply = await new Conversation(model, config).ask(prompt);
  if (!reply.ok) throw new UserError('E_PROVIDER', `model ${model.label} gave no answer: ${reply.error.message}`, model.provider === 'replay' ? 'a replay model answers only suite cases it has recordings for: use an openai model' : 'check the model id, base URL and key in the config');
  const j = reply.judgement;
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (out !== undefined) {
    if (j.code === '') throw new UserError('E_NO_CODE', `the answer holds no SourcePawn code: nothing written to ${out}`, 'ask again, or print the answer without --out');
    writeFileSync(out, labelledCode(j.code, model));
  }
  if (values.json === true) {
    io.stdout.write(
      JSON.stringify(
        {
          model: model.label,
          modelId: model.id,
          answer: reply.answer,
          code: j.code,
          score: j.score,
          status: j.status,
          checks: j.checks.map((c) => ({ kind: c.kind, id: c.id, pass: c.pass, reason: c.reason })),
          syntax: { ok: j.syntax?.ok ?? false, errors: j.syntax?.errors ?? [] },
          unknownApis: [...new Set(j.api?.unknown ?? [])],
          compile: j.compile ? { ok: j.compile.ok, mode: j.compile.mode, errors: j.compile.errors, warnings: j.compile.warnings, diagnostics: j.compile.diagnostics } : null,
          usage: reply.usage ?? null,
          ...(out ? { out } : {}),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout.write(reply.answer.replace(/\s+$/, '') + '\n\n');
    io.stdout.write(human('answer', j) + '\n');
    if (out) io.stdout.write(`wrote ${out} (first line marks it as AI-generated)\n`);
  }
  return j.status === 'pass' ? 0 : 1;
}

// `l4d2-eval chat --model v2`: a conversation on the terminal; every reply is judged like `score`.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { io } from '../../core/io.js';
import { loadConfig } from '../../config/load.js';
import { Conversation, labelledCode, type Reply } from '../../flywheel/generate.js';
import type { Judgement } from '../../run/judge.js';
import type { ParsedFlags } from '../args.js';
import { oneModel } from './generate.js';
import { human } from './score.js';

const HELP = 'commands: /score (full findings of the last reply), /save FILE.sp (its code, marked AI-generated), /reset (forget the history), /quit';

/** One line under each reply: score, syntax, compile, unknown APIs. */
function verdictLine(j: Judgement): string {
  const parts = [`score ${j.score === null ? 'n/a' : `${j.score.toFixed(1)}/10`} ${j.status.toUpperCase()}`];
  parts.push(`syntax ${j.syntax?.ok ? 'ok' : `${j.syntax?.errors.length ?? 0} error(s)`}`);
  if (j.compile) parts.push(`compile (${j.compile.mode}) ${j.compile.problem ? 'problem' : j.compile.ok ? 'ok' : `${j.compile.errors} error(s)`}`);
  const unknown = [...new Set(j.api?.unknown ?? [])];
  parts.push(unknown.length ? `unknown APIs: ${unknown.join(', ')}` : 'no unknown APIs');
  const failed = j.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  if (failed.length) parts.push(`failed: ${failed.join(', ')}`);
  return `[${parts.join(' · ')}]`;
}

/** Handler of `chat`: reads lines from stdin until /quit or end of input; exit 0. */
export async function chatCommand(values: ParsedFlags): Promise<number> {
  const config = loadConfig(values.config as string | undefined);
  const model = oneModel(config, values.model, 'chat');
  let convo = new Conversation(model, config);
  const tty = (io.stdin as { isTTY?: boolean }).isTTY === true;
  const say = (s: string) => io.stdout.write(s + '\n');
  const prompt = () => {
    if (tty) io.stdout.write('you> ');
  };
  say(`chat with ${model.label} (${model.id}); ${HELP}`);
  let last: (Reply & { ok: true }) | undefined;
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  prompt();
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '') {
        prompt();
        continue;
      }
      if (line === '/quit' || line === '/exit') break;
      if (line.startsWith('/')) {
        const [cmd, ...rest] = line.split(/\s+/);
        if (cmd === '/help') say(HELP);
        else if (cmd === '/reset') {
          convo = new Conversation(model, config);
          last = undefined;
          say('history cleared');
        } else if (cmd === '/score') say(last ? human('reply', last.judgement) : 'no reply yet');
        else if (cmd === '/save') {
          const file = rest.join(' ');
          if (!file) say('usage: /save FILE.sp');
          else if (!last || last.judgement.code === '') say('the last reply holds no code to save');
          else {
            try {
              writeFileSync(file, labelledCode(last.judgement.code, model));
              say(`saved ${file}`);
            } catch (err) {
              say(`cannot write ${file}: ${(err as Error).message}`);
            }
          }
        } else say(`unknown command ${cmd}; ${HELP}`);
        prompt();
        continue;
      }
      const reply = await convo.ask(line);
      if (reply.ok) {
        last = reply;
        say(`${model.label}> ${reply.answer.replace(/\s+$/, '')}`);
        say(verdictLine(reply.judgement));
      } else say(`error: model ${model.label} gave no answer: ${reply.error.message} (the message was not added to the history)`);
      prompt();
    }
  } finally {
    rl.close();
  }
  if (tty) io.stdout.write('\n');
  return 0;
}

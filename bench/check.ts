// Benchmark of `check`: a generated 10,000-example fine-tune JSONL of 100-150-line plugins, judged end to end.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFiles, checkSpecsFor, DEFAULT_CHECK_OPTIONS } from '../src/dataset/index.js';
import { mulberry32 } from '../src/core/prng.js';

const EXAMPLES = Number(process.env.BENCH_CHECK_EXAMPLES ?? 10_000);

/** Events with the client fields they carry (facts from the L4D2 event list). */
const EVENTS: [string, string[]][] = [
  ['tank_spawn', ['userid']],
  ['player_death', ['userid', 'attacker']],
  ['witch_killed', ['userid']],
  ['player_incapacitated', ['userid', 'attacker']],
  ['heal_success', ['userid', 'subject']],
  ['revive_success', ['userid', 'subject']],
  ['player_hurt', ['userid', 'attacker']],
  ['pills_used', ['userid']],
];
const WORDS = ['Tank', 'Witch', 'Heal', 'Revive', 'Stats', 'Notice', 'Helper', 'Tracker', 'Rush', 'Guard', 'Boost', 'Alert'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function handler(r: () => number, event: string, fields: string[], n: number): string[] {
  const fn = `Event_${event.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())}`;
  const lines = [`public void ${fn}(Event event, const char[] name, bool dontBroadcast)`, '{'];
  for (const f of fields) lines.push(`\tint ${f} = GetClientOfUserId(event.GetInt("${f}"));`);
  const main = fields[0]!;
  lines.push(`\tif (${main} <= 0 || !IsClientInGame(${main}))`, '\t{', '\t\treturn;', '\t}');
  lines.push(`\tg_iCount[${main}]++;`);
  if (fields[1]) lines.push(`\tif (${fields[1]} > 0 && IsClientInGame(${fields[1]}) && ${fields[1]} != ${main})`, '\t{', `\t\tg_iCount[${fields[1]}] += ${1 + Math.floor(r() * 3)};`, `\t\tPrintToChat(${fields[1]}, "[${event}] you: %d", g_iCount[${fields[1]}]);`, '\t}');
  if (r() < 0.5) lines.push(`\tif (g_cvEnabled.BoolValue && g_iCount[${main}] % ${2 + n} == 0)`, '\t{', `\t\tPrintToChatAll("%N reached %d (${event})", ${main}, g_iCount[${main}]);`, '\t}');
  else lines.push(`\tCreateTimer(${(1 + r() * 4).toFixed(1)}, Timer_Report, GetClientUserId(${main}), TIMER_FLAG_NO_MAPCHANGE);`);
  lines.push('}', '');
  return lines;
}

/** One plugin of about 100-150 lines; `seed` varies names, events, numbers and helpers. */
export function generatePlugin(seed: number): string {
  const r = mulberry32(seed);
  const title = `${pick(r, WORDS)} ${pick(r, WORDS)} ${seed}`;
  const events = [...EVENTS].sort(() => r() - 0.5).slice(0, 3 + Math.floor(r() * 2));
  const out = ['#pragma semicolon 1', '#pragma newdecls required', '', '#include <sourcemod>', '#include <sdktools>', ''];
  out.push('public Plugin myinfo =', '{', `\tname = "${title}",`, '\tauthor = "bench",', `\tdescription = "Generated plugin number ${seed}",`, `\tversion = "1.${seed % 10}",`, '\turl = ""', '};', '');
  out.push('ConVar g_cvEnabled;', 'ConVar g_cvLimit;', 'int g_iCount[MAXPLAYERS + 1];', '');
  out.push('public void OnPluginStart()', '{');
  out.push(`\tg_cvEnabled = CreateConVar("sm_bench${seed}_enabled", "1", "Enable the plugin", FCVAR_NOTIFY, true, 0.0, true, 1.0);`);
  out.push(`\tg_cvLimit = CreateConVar("sm_bench${seed}_limit", "${5 + (seed % 20)}", "Limit per player", FCVAR_NOTIFY, true, 1.0);`);
  for (const [e] of events) out.push(`\tHookEvent("${e}", Event_${e.replace(/(^|_)(\w)/g, (_m, _u, c: string) => c.toUpperCase())});`);
  out.push(`\tRegConsoleCmd("sm_bench${seed}", Command_Show, "Show your count");`, `\tRegAdminCmd("sm_bench${seed}_reset", Command_Reset, ADMFLAG_GENERIC, "Reset counts");`, '\tAutoExecConfig(true);', '}', '');
  out.push('public void OnClientDisconnect(int client)', '{', '\tg_iCount[client] = 0;', '}', '');
  events.forEach(([e, fields], i) => out.push(...handler(r, e, fields, i)));
  out.push('public Action Timer_Report(Handle timer, int userid)', '{', '\tint client = GetClientOfUserId(userid);', '\tif (client > 0 && IsClientInGame(client))', '\t{', '\t\tPrintHintText(client, "Count: %d / %d", g_iCount[client], g_cvLimit.IntValue);', '\t}', '\treturn Plugin_Stop;', '}', '');
  out.push('public Action Command_Show(int client, int args)', '{', '\tif (client == 0)', '\t{', '\t\tReplyToCommand(client, "[SM] In-game only.");', '\t\treturn Plugin_Handled;', '\t}', '\tReplyToCommand(client, "[SM] Your count: %d", g_iCount[client]);', '\treturn Plugin_Handled;', '}', '');
  out.push('public Action Command_Reset(int client, int args)', '{', '\tfor (int i = 1; i <= MaxClients; i++)', '\t{', '\t\tg_iCount[i] = 0;', '\t}', '\tReplyToCommand(client, "[SM] Counts reset.");', '\treturn Plugin_Handled;', '}');
  if (r() < 0.1) out.splice(out.indexOf('\tAutoExecConfig(true);'), 0, '\tL4D2_SetTankBoost(true);'); // an invented native
  if (r() < 0.05) out.splice(out.length - 3, 1); // a lost line: syntax error
  return out.join('\n') + '\n';
}

async function writeDataset(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < EXAMPLES; i++) {
    // A few exact repeats, as generated data has.
    const code = generatePlugin(i % 37 === 36 ? i - 1 : i);
    const line = JSON.stringify({ messages: [
      { role: 'system', content: 'You are an expert SourceMod plugin developer for Left 4 Dead 2.' },
      { role: 'user', content: `Write plugin ${i}: count events per player and report them.` },
      { role: 'assistant', content: `Here is the plugin:\n\n\`\`\`sourcepawn\n${code}\`\`\`\n` },
    ] });
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs the benchmark and prints examples/s and peak RSS. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'l4d2-eval-bench-check-'));
  try {
    const file = path.join(dir, 'train.jsonl');
    await writeDataset(file);
    const started = performance.now();
    const s = await checkFiles([file], DEFAULT_CHECK_OPTIONS, checkSpecsFor(), { outDir: path.join(dir, 'out'), inlineReasons: true });
    const seconds = (performance.now() - started) / 1000;
    const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
    process.stdout.write(
      `check: ${s.checked} examples (${mb} MB) in ${seconds.toFixed(1)} s = ${(s.checked / seconds).toFixed(0)} examples/s; ` +
        `${s.accepted} accepted, ${s.rejected} rejected; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

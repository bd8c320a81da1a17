import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { tempTree } from '../helpers/tmp.js';

const GOOD = `#pragma semicolon 1
#pragma newdecls required
#include <sourcemod>

public Plugin myinfo = { name = "t", author = "a", description = "d", version = "1.0", url = "" };

public void OnPluginStart()
{
    HookEvent("tank_spawn", Event_TankSpawn);
}

public void Event_TankSpawn(Event event, const char[] name, bool dontBroadcast)
{
    int client = GetClientOfUserId(event.GetInt("userid"));
    if (client > 0 && IsClientInGame(client))
    {
        PrintToChatAll("Tank spawned: %N", client);
    }
}
`;

describe('l4d2-eval score', () => {
  it('prints one JSON object per file with the documented shape', async () => {
    const d = tempTree({ 'good.sp': GOOD, 'bad.md': 'Here:\n```sourcepawn\n' + GOOD.replace('PrintToChatAll', 'L4D2_AnnounceTank').replace('}\n}', '\n') + '```\n' });
    const r = await cli(['score', 'good.sp', 'bad.md', '--json'], d);
    // Like a linter: bad.md fails, so the exit code is 1.
    expect(r.code).toBe(1);
    expect((await cli(['score', 'good.sp', '--json'], d)).code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    const [good, bad] = lines;
    for (const l of lines) expect(Object.keys(l)).toEqual(['file', 'score', 'status', 'syntax', 'checks', 'unknownApis', 'compile']);
    expect(good.compile).toEqual(expect.objectContaining({ ok: true, mode: 'static', errors: 0 }));
    expect(bad.compile.ok).toBe(false);
    expect(good.file).toBe('good.sp');
    expect(good.syntax).toEqual({ ok: true, errors: [] });
    expect(good.score).toBe(10);
    expect(good.checks.map((c: { kind: string }) => c.kind)).toEqual(['syntax', 'rule', 'api']);
    expect(bad.syntax.ok).toBe(false);
    expect(bad.syntax.errors[0]).toEqual(expect.objectContaining({ line: expect.any(Number), column: expect.any(Number), message: expect.any(String) }));
    expect(bad.unknownApis).toEqual(['L4D2_AnnounceTank']);
    expect(bad.score).toBeLessThan(good.score);
  });

  it('reads stdin with - and applies a case\'s checks with --suite/--case', async () => {
    const suite = path.join(ROOT, 'suites/core.yaml');
    const r = await cli(['score', '-', '--suite', suite, '--case', 'no-such-case'], ROOT, GOOD);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no case "no-such-case"');
    const d = tempTree({ 's.yaml': 'name: s\ncases:\n  - id: t\n    category: c\n    prompt: p\n    checks:\n      - { kind: hooks_event, events: [tank_spawn] }\n      - { kind: calls, names: [L4D_GetTankHealth] }\n' });
    const ok = await cli(['score', '-', '--suite', 's.yaml', '--case', 't', '--json'], d, GOOD);
    const line = JSON.parse(ok.stdout);
    // The case's `calls: [L4D_GetTankHealth]` check fails on GOOD: exit 1, as a linter's.
    expect(line.status).toBe('fail');
    expect(ok.code).toBe(1);
    expect(line.file).toBe('-');
    expect(line.score).toBe(5);
    expect(line.checks.map((c: { pass: boolean }) => c.pass)).toEqual([true, false]);
  });

  it('reports an unreadable file and still scores the others (exit 2)', async () => {
    const d = tempTree({ 'good.sp': GOOD });
    writeFileSync(path.join(d, 'empty.sp'), '');
    const r = await cli(['score', 'missing.sp', 'good.sp', 'empty.sp'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.sp: file not found');
    expect(r.stdout).toContain('good.sp: 10.0/10 PASS');
    expect(r.stdout).toMatch(/empty\.sp: 0\.0\/10 FAIL/);
  });
});

describe('l4d2-eval score line numbers', () => {
  it('reports diagnostics of a Markdown answer on the lines of the answer file, not of the extracted code', async () => {
    const answer = 'Here is the plugin you asked for.\n\nIt hooks the tank spawn.\n\n```sourcepawn\n' + GOOD.replace('PrintToChatAll', 'L4D2_AnnounceTank') + '```\n';
    const d = tempTree({ 'answer.md': answer });
    const r = await cli(['score', 'answer.md'], d);
    const expected = answer.split('\n').findIndex((l) => l.includes('L4D2_AnnounceTank')) + 1;
    expect(r.stdout).toContain(`answer.md:${expected}: error 017: undefined symbol "L4D2_AnnounceTank"`);
  });

  it('lists where failing checks point, with the real API or the nearest name, on the lines of the file', async () => {
    const plugin = GOOD.replace('PrintToChatAll("Tank spawned: %N", client);', 'PrintToChatAl("Tank spawned: %N", client);\n        L4D2_ReviveSurvivor(client);');
    const d = tempTree({ 'typo.sp': plugin });
    const r = await cli(['score', 'typo.sp'], d);
    const line = (text: string) => plugin.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(r.stdout).toContain(`typo.sp:${line('PrintToChatAl(')}:9: PrintToChatAl does not exist; did you mean PrintToChatAll?`);
    expect(r.stdout).toContain(`typo.sp:${line('L4D2_ReviveSurvivor')}:9: L4D2_ReviveSurvivor does not exist; the native is L4D_ReviveSurvivor(client)`);
  });
});

// Realistic L4D2 plugins and JSONL builders for the data-check tests (written for these tests).

/** Announces a Tank spawn and its health to survivors. */
export const TANK_PLUGIN = `#pragma semicolon 1
#pragma newdecls required

#include <sourcemod>
#include <sdktools>

public Plugin myinfo =
{
	name = "Tank Announce",
	author = "tests",
	description = "Announces tank spawns",
	version = "1.0",
	url = ""
};

public void OnPluginStart()
{
	HookEvent("tank_spawn", Event_TankSpawn);
}

public void Event_TankSpawn(Event event, const char[] name, bool dontBroadcast)
{
	int client = GetClientOfUserId(event.GetInt("userid"));
	if (client <= 0 || !IsClientInGame(client))
	{
		return;
	}
	int health = GetClientHealth(client);
	PrintToChatAll("A Tank has spawned with %d health!", health);
}
`;

/** Heals survivors when a round starts. */
export const HEAL_PLUGIN = `#pragma semicolon 1
#pragma newdecls required

#include <sourcemod>
#include <sdktools>

public Plugin myinfo =
{
	name = "Round Heal",
	author = "tests",
	description = "Heals every survivor at round start",
	version = "1.2",
	url = ""
};

ConVar g_cvAmount;

public void OnPluginStart()
{
	g_cvAmount = CreateConVar("sm_roundheal_amount", "100", "Health given at round start", FCVAR_NOTIFY, true, 1.0, true, 200.0);
	HookEvent("round_start", Event_RoundStart, EventHookMode_PostNoCopy);
	RegAdminCmd("sm_healall", Command_HealAll, ADMFLAG_SLAY, "Heal all survivors now");
}

public void Event_RoundStart(Event event, const char[] name, bool dontBroadcast)
{
	CreateTimer(1.0, Timer_Heal, _, TIMER_FLAG_NO_MAPCHANGE);
}

public Action Timer_Heal(Handle timer)
{
	HealSurvivors();
	return Plugin_Stop;
}

public Action Command_HealAll(int client, int args)
{
	HealSurvivors();
	ReplyToCommand(client, "[SM] Survivors healed.");
	return Plugin_Handled;
}

void HealSurvivors()
{
	int amount = g_cvAmount.IntValue;
	for (int i = 1; i <= MaxClients; i++)
	{
		if (IsClientInGame(i) && GetClientTeam(i) == 2 && IsPlayerAlive(i))
		{
			SetEntityHealth(i, amount);
		}
	}
}
`;

/** A plugin calling a native that does not exist (an invented API). */
export const INVENTED_API_PLUGIN = TANK_PLUGIN.replace('int health = GetClientHealth(client);', 'int health = L4D2_GetTankHealthPercent(client);');

/** A plugin with a syntax error (missing closing brace and semicolon). */
export const BROKEN_PLUGIN = TANK_PLUGIN.replace('PrintToChatAll("A Tank has spawned with %d health!", health);\n}', 'PrintToChatAll("A Tank has spawned with %d health!", health)\n');

/** The system prompt most examples share. */
export const SYSTEM = 'You are an expert SourceMod plugin developer for Left 4 Dead 2.';

/** A chat fine-tune line. */
export function chatLine(prompt: string, answer: string, system: string | null = SYSTEM): string {
  const messages = [...(system === null ? [] : [{ role: 'system', content: system }]), { role: 'user', content: prompt }, { role: 'assistant', content: answer }];
  return JSON.stringify({ messages });
}

/** A fenced answer around code. */
export function fenced(code: string, intro = 'Here is the plugin:'): string {
  return `${intro}\n\n\`\`\`sourcepawn\n${code}\`\`\`\n`;
}

/** Tells everyone when a survivor is incapacitated and by whom. */
export const INCAP_PLUGIN = `#pragma semicolon 1
#pragma newdecls required

#include <sourcemod>

public Plugin myinfo =
{
	name = "Incap Notice",
	author = "tests",
	description = "Prints who incapacitated a survivor",
	version = "0.3",
	url = ""
};

public void OnPluginStart()
{
	HookEvent("player_incapacitated", Event_Incap);
}

public void Event_Incap(Event event, const char[] name, bool dontBroadcast)
{
	int victim = GetClientOfUserId(event.GetInt("userid"));
	int attacker = GetClientOfUserId(event.GetInt("attacker"));
	if (victim <= 0 || !IsClientInGame(victim))
	{
		return;
	}
	if (attacker > 0 && IsClientInGame(attacker) && attacker != victim)
	{
		PrintToChatAll("%N was incapacitated by %N.", victim, attacker);
	}
	else
	{
		PrintToChatAll("%N is down!", victim);
	}
}
`;

/** Counts witch kills per player and prints them on request. */
export const WITCH_PLUGIN = `#pragma semicolon 1
#pragma newdecls required

#include <sourcemod>

int g_iWitchKills[MAXPLAYERS + 1];

public Plugin myinfo =
{
	name = "Witch Kill Counter",
	author = "tests",
	description = "Counts witch kills",
	version = "2.0",
	url = ""
};

public void OnPluginStart()
{
	HookEvent("witch_killed", Event_WitchKilled);
	RegConsoleCmd("sm_witchkills", Command_WitchKills, "Show your witch kills");
}

public void OnClientDisconnect(int client)
{
	g_iWitchKills[client] = 0;
}

public void Event_WitchKilled(Event event, const char[] name, bool dontBroadcast)
{
	int client = GetClientOfUserId(event.GetInt("userid"));
	if (client > 0 && IsClientInGame(client))
	{
		g_iWitchKills[client]++;
	}
}

public Action Command_WitchKills(int client, int args)
{
	if (client == 0)
	{
		ReplyToCommand(client, "[SM] In-game only.");
		return Plugin_Handled;
	}
	ReplyToCommand(client, "[SM] You killed %d witches.", g_iWitchKills[client]);
	return Plugin_Handled;
}
`;

/** Compiles but breaks one rule of the pack (no `#pragma newdecls required`). */
export const RULE_ONLY_PLUGIN = INCAP_PLUGIN.replace('#pragma newdecls required\n', '');

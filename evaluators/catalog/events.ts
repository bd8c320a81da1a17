// The game events that exist in L4D2 (after The Last Stand update), with their field types.
// Facts: event names and key types of L4D2's serverevents, gameevents and modevents definitions;
// where an event is defined twice, the mod definition wins (the game replaces the engine/base one).
// Written as compact data: `name key:type ...` with s=short l=long b=byte f=float str=string u64=uint64.

/** Type of an event field as the engine declares it. */
export type EventFieldType = 'short' | 'long' | 'byte' | 'bool' | 'float' | 'string' | 'uint64';

/** One L4D2 game event's fields (name → type). */
export interface EventInfo {
  fields: Record<string, EventFieldType>;
}

const TYPES: Record<string, EventFieldType> = { s: 'short', l: 'long', b: 'byte', bool: 'bool', f: 'float', str: 'string', u64: 'uint64' };

// Engine events (serverevents).
const SERVER = `
server_spawn hostname:str address:str port:s game:str mapname:str maxplayers:l os:str dedicated:bool password:bool vanilla:bool
server_pre_shutdown reason:str
server_shutdown reason:str
server_cvar cvarname:str cvarvalue:str
server_message text:str
server_addban name:str userid:s networkid:str ip:str duration:str by:str kicked:bool
server_removeban networkid:str ip:str by:str
player_connect name:str index:b userid:s xuid:u64 networkid:str address:str bot:bool
player_info name:str index:b userid:s xuid:u64 networkid:str bot:bool
player_disconnect userid:s reason:str name:str xuid:u64 networkid:str bot:bool
player_activate userid:s
player_connect_full userid:s index:b
player_say userid:s text:str`;

// Base game events (gameevents).
const GAME = `
team_info teamid:b teamname:str
team_score teamid:b score:s
teamplay_broadcast_audio team:b sound:str
player_team userid:s team:b oldteam:b disconnect:bool
player_class userid:s class:str
player_death userid:s attacker:s
player_hurt userid:s attacker:s health:b
player_chat teamonly:bool userid:s text:str
player_score userid:s kills:s deaths:s score:s
player_spawn userid:s
player_shoot userid:s weapon:b mode:b
player_use userid:s entity:s
player_changename userid:s oldname:str newname:str
player_hintmessage hintmessage:str
game_init
game_newmap mapname:str
game_start roundslimit:l timelimit:l fraglimit:l objective:str
game_end winner:b
round_start timelimit:l fraglimit:l objective:str
round_end winner:b reason:b message:str time:f
game_message target:b text:str
break_breakable entindex:l userid:s material:b
break_prop entindex:l userid:s
entity_killed entindex_killed:l entindex_attacker:l entindex_inflictor:l damagebits:l
bonus_updated numadvanced:s numbronze:s numsilver:s numgold:s
achievement_event achievement_name:str cur_val:s max_val:s
survival_goal_reached goalname:str id:s userid:s
physgun_pickup entindex:l
flare_ignite_npc entindex:l
helicopter_grenade_punt_miss
user_data_downloaded
ragdoll_dissolved entindex:l
pounce_fail userid:s
hit_safe_room userid:s
spawned_as_tank userid:s
instructor_server_hint_create userid:s hint_entindex:l hint_name:str hint_target:l hint_timeout:s hint_display_limit:s hint_icon_onscreen:str hint_icon_offscreen:str hint_caption:str hint_color:str hint_icon_offset:f hint_range:f hint_flags:l hint_binding:str hint_allow_nodraw_target:bool hint_nooffscreen:bool hint_forcecaption:bool hint_instance_type:l hint_suppress_rest:bool
instructor_server_hint_stop hint_name:str hint_entindex:l
player_biofeedback_scl microsiemens:f sampleid:l`;

// L4D2 mod events (modevents, TLS update).
const MOD = `
player_death userid:s entityid:l attacker:s attackername:str attackerentid:l weapon:str headshot:bool attackerisbot:bool victimname:str victimisbot:bool abort:bool type:l victim_x:f victim_y:f victim_z:f
player_hurt userid:s attacker:s attackerentid:l health:s armor:b weapon:str dmg_health:s dmg_armor:b hitgroup:b type:l
player_team userid:s team:b oldteam:b disconnect:bool name:str isbot:bool
player_bot_replace player:s bot:s
bot_player_replace bot:s player:s
player_afk player:s
weapon_fire userid:s weapon:str weaponid:s count:s
weapon_fire_on_empty userid:s weapon:str count:s
weapon_reload userid:s manual:bool
weapon_zoom userid:s
ability_use userid:s ability:str context:s
ammo_pickup userid:s
item_pickup userid:s item:str
grenade_bounce userid:s
hegrenade_detonate userid:s x:f y:f z:f
bullet_impact userid:s x:f y:f z:f
player_footstep userid:s
player_jump userid:s
player_blind userid:s
player_falldamage userid:s damage:f causer:s
player_ledge_grab userid:s causer:s
player_ledge_release userid:s
door_moving entindex:l userid:s
door_open userid:s checkpoint:bool closed:bool
door_close userid:s checkpoint:bool
door_unlocked userid:s checkpoint:bool
rescue_door_open userid:s entindex:l
waiting_checkpoint_door_used userid:s entindex:l
waiting_door_used_versus userid:s entindex:l
waiting_checkpoint_button_used userid:s
success_checkpoint_button_used userid:s
round_freeze_end
round_start_pre_entity
round_start_post_nav
nav_blocked area:l blocked:bool
nav_generate
round_end_message winner:b reason:b message:str
round_end winner:b reason:b message:str time:f
vote_ended
vote_started issue:str param1:str votedata:str team:b initiator:l
vote_changed yesVotes:b noVotes:b potentialVotes:b
vote_passed details:str param1:str team:b
vote_failed team:b
vote_cast_yes team:b entityid:l
vote_cast_no team:b entityid:l
infected_hurt attacker:s entityid:l hitgroup:b amount:s type:l
infected_death attacker:s infected_id:s gender:s weapon_id:s headshot:bool minigun:bool blast:bool submerged:bool
zombie_death attacker:s victim:l infected_id:s gender:s weapon_id:s headshot:bool minigun:bool blast:bool
hostname_changed hostname:str
difficulty_changed newDifficulty:s oldDifficulty:s strDifficulty:str
finale_start rushes:s campaign:str
finale_rush
finale_escape_start
finale_vehicle_incoming campaign:str
finale_vehicle_ready campaign:str
finale_vehicle_leaving survivorcount:s
finale_win map_name:str difficulty:s
mission_lost
finale_radio_start health:s
finale_radio_damaged health:s
final_reportscreen
map_transition
player_transitioned userid:s
heal_begin userid:s subject:s
heal_success userid:s subject:s health_restored:s
heal_end userid:s subject:s
heal_interrupted userid:s subject:s
ammo_pack_used userid:s subject:s
give_weapon userid:s recipient:s weapon:s
pills_used userid:s subject:s
pills_used_fail userid:s
ammo_pack_used_fail_no_weapon userid:s subject:s
ammo_pack_used_fail_full userid:s subject:s
ammo_pack_used_fail_doesnt_use_ammo userid:s subject:s
ammo_pile_weapon_cant_use_ammo userid:s
defibrillator_begin userid:s subject:s
defibrillator_used userid:s subject:s
defibrillator_used_fail userid:s subject:s
defibrillator_interrupted userid:s subject:s
upgrade_pack_begin userid:s
upgrade_pack_used upgradeid:s userid:s
upgrade_item_already_used userid:s upgradeclass:str
upgrade_failed_no_primary userid:s upgrade:str
dead_survivor_visible userid:s subject:l deadplayer:s
adrenaline_used userid:s
revive_begin userid:s subject:s
revive_success userid:s subject:s lastlife:bool ledge_hang:bool
revive_end userid:s subject:s ledge_hang:bool
drag_begin userid:s subject:s
drag_end userid:s subject:s
player_incapacitated userid:s attacker:s attackerentid:l weapon:str type:l
player_incapacitated_start userid:s attacker:s attackerentid:l weapon:str type:l
player_entered_start_area userid:s
player_first_spawn userid:s map_name:str isbot:bool
player_left_start_area userid:s playercount:b
player_entered_checkpoint userid:s entityid:l door:l area:l doorname:str
player_left_checkpoint userid:s entityid:l area:l
player_shoved userid:s attacker:s
entity_shoved entityid:s attacker:s
player_jump_apex userid:s
player_blocked userid:s blocker:s
player_now_it userid:s attacker:s exploded:bool infected:bool by_boomer:bool
player_no_longer_it userid:s
witch_harasser_set userid:s witchid:l first:bool
witch_spawn witchid:l
witch_killed userid:s witchid:l oneshot:bool melee_only:bool bride:bool
tank_spawn userid:s tankid:l
melee_kill userid:s entityid:l ambush:bool
area_cleared userid:s area:l
award_earned userid:s entityid:l subjectentid:l award:s
tongue_grab userid:s victim:s
tongue_broke_bent userid:s
tongue_release userid:s victim:s distance:l
choke_start userid:s victim:s
choke_end userid:s victim:s
choke_stopped userid:s victim:s smoker:s release_type:s
tongue_pull_stopped userid:s victim:s smoker:s release_type:s damage_type:l
lunge_shove userid:s victim:s
lunge_pounce userid:s victim:s distance:l damage:s
pounce_end userid:s victim:s
pounce_stopped userid:s victim:s
pounce_attempt_stopped userid:s weaponid:s
fatal_vomit userid:s victim:s
survivor_call_for_help userid:s subject:l
survivor_rescued rescuer:s victim:s dooridx:l
survivor_rescue_abandoned
relocated userid:s
respawning userid:s
tank_frustrated userid:s
weapon_given userid:s giver:s weapon:s weaponentid:s
weapon_drop userid:s item:str propid:s
break_breakable userid:s entindex:l material:b hulkonly:bool achievement:s
achievement_earned player:b achievement:s
spec_target_updated
spawner_give_item userid:s item:str spawner:l
create_panic_event userid:s
explain_pills subject:l
explain_weapons subject:l
entity_visible userid:s subject:l classname:str entityname:str
weapon_spawn_visible userid:s subject:l weaponname:str subtype:str
boomer_near userid:s victim:s
begin_scavenge_overtime
scavenge_round_start round:b firsthalf:bool
scavenge_round_halftime
scavenge_round_finished
scavenge_score_tied
versus_round_start
gascan_pour_blocked userid:s
gascan_pour_completed userid:s
gascan_dropped userid:s
gascan_pour_interrupted userid:s
scavenge_match_finished winners:b
versus_match_finished winners:b
use_target targetid:l classname:str isprop:bool
player_use userid:s targetid:l
friendly_fire attacker:s victim:s guilty:s type:l
gameinstructor_draw
gameinstructor_nodraw
request_weapon_stats userid:s
player_talking_state player:b istalking:bool
weapon_pickup context:b weaponid:b weaponslot:b dropped_by_infected:b
hunter_punched userid:s hunteruserid:l islunging:bool
hunter_headshot userid:s hunteruserid:l islunging:bool
zombie_ignited userid:s gender:s entityid:l victimname:str fire_ammo:bool
boomer_exploded userid:s attacker:s splashedbile:bool
non_pistol_fired userid:s
weapon_fire_at_40 userid:s weapon:str weaponid:s count:s
total_ammo_below_40 userid:s
player_hurt_concise userid:s attackerentid:l type:l dmg_health:s
tank_killed userid:s attacker:s solo:bool melee_only:bool l4d1_only:bool
tank_rock_killed userid:s
achievement_write_failed
ghost_spawn_time userid:s spawntime:s
survival_at_30min
survival_at_10min
gauntlet_finale_start
upgrade_incendiary_ammo userid:s
upgrade_explosive_ammo userid:s
receive_upgrade userid:s upgrade:str
explain_vehicle_arrival subject:l
mounted_gun_start userid:s subject:l
mounted_gun_overheated userid:s
ability_out_of_range userid:s ability:str
entered_spit userid:s
punched_clown userid:s
charger_killed userid:s attacker:s melee:bool charging:bool
spitter_killed userid:s attacker:s has_spit:bool
jockey_ride userid:s victim:s
jockey_ride_end userid:s victim:s rescuer:s ride_length:f
jockey_killed userid:s attacker:s weapon:str
non_melee_fired userid:s
infected_decapitated userid:s weapon:str
upgrade_pack_added upgradeid:s userid:s
vomit_bomb_tank userid:s
triggered_car_alarm userid:s
panic_event_finished
charger_charge_start userid:s
charger_charge_end userid:s
charger_carry_start userid:s victim:s
charger_carry_end userid:s victim:s
charger_carry_kill userid:s victim:s
charger_impact userid:s victim:s
charger_pummel_start userid:s victim:s
charger_pummel_end userid:s victim:s rescuer:s
strongman_bell_knocked_off userid:s subject:s
molotov_thrown userid:s
gas_can_forced_drop userid:s victim:s
explain_need_gnome_to_continue
explain_survivor_glows_disabled userid:s
explain_item_glows_disabled userid:s
explain_rescue_disabled userid:s
explain_bodyshots_reduced userid:s
explain_witch_instant_kill userid:s
set_instructor_group_enabled group:str enabled:s
stashwhacker_game_won userid:s subject:s
versus_marker_reached userid:s marker:s
start_score_animation
survival_round_start
scavenge_gas_can_destroyed userid:s
m60_streak_ended
chair_charged userid:s
song_played
foot_locker_opened userid:s
finale_elevator_ready
finale_bridge_ready
generator_started
infected_explosive_barrel_kill userid:s
player_begin_sacrifice_run userid:s
player_complete_sacrifice userid:s
weapon_out_of_ammo userid:s weapon:str weaponid:s
all_weapons_out_of_ammo userid:s
drastic_music_change userid:s music:str
christmas_gift_grab userid:s
start_holdout
scriptedmode_reloadhud
on_resources_changed newcount:l
on_helicopter_begin available:bool
on_helicopter_end available:bool
on_cooldown_begin state:bool
on_cooldown_end state:bool
player_left_safe_area userid:s playercount:b
weapon_drop_to_prop userid:s item:str propid:l
jockey_punched userid:s jockeyuserid:l islunging:bool
jockey_headshot userid:s jockeyuserid:l islunging:bool
golden_crowbar_pickup userid:s
player_left_concert_stage userid:s`;

// Map-hint events that all carry `userid:s subject:l` (instructor lessons for map buttons and finales).
const HINTS = `explain_pre_radio started_pre_radio explain_radio explain_gas_truck explain_panic_button
explain_elevator_button explain_lift_button explain_church_door explain_emergency_door explain_crane explain_bridge
explain_gas_can_panic explain_van_panic explain_mainstreet explain_train_lever explain_disturbance explain_scavenge_goal
explain_scavenge_leave_area explain_pre_drawbridge explain_drawbridge explain_perimeter explain_deactivate_alarm
explain_impound_lot explain_decon explain_mall_window explain_mall_alarm explain_coaster explain_coaster_stop
explain_decon_wait explain_float explain_ferry_button explain_hatch_button explain_shack_button explain_burger_sign
explain_carousel_button explain_carousel_destination explain_stage_lighting explain_stage_finale_start
explain_stage_survival_start explain_stage_pyrotechnics explain_c3m4_radio1 explain_c3m4_radio2 explain_gates_are_open
explain_c2m4_ticketbooth explain_c3m4_rescue explain_hotel_elevator_doors explain_gun_shop_tanker explain_gun_shop
explain_store_alarm explain_store_item explain_store_item_stop explain_survival_generic explain_survival_alarm
explain_survival_radio explain_survival_carousel explain_return_item explain_save_items spit_burst temp_c4m1_getgas
temp_c4m3_return_to_boat explain_c1m4_finale c1m4_scavenge_instructions explain_sewer_gate explain_sewer_run
explain_c6m3_finale finale_bridge_lowering explain_train_boss explain_train_exit explain_freighter
explain_highrise_finale2 explain_start_generator explain_bridge_button explain_restart_generator explain_DLC3howitzer
explain_DLC3generator_button explain_DLC3lift_lever explain_DLC3barrels explain_DLC3radio explain_DLC3door
explain_onslaught explain_lighthouse_gate explain_lighthouse_generator explain_lighthouse_gen_button
explain_lighthouse_finale_event explain_lighthouse_restart_gen explain_lighthouse_gas explain_lighthouse_finale
explain_junkyard_fuel explain_container_drop explain_container_ready`;

function build(): Map<string, EventInfo> {
  const out = new Map<string, EventInfo>();
  for (const block of [SERVER, GAME, MOD]) {
    for (const line of block.trim().split('\n')) {
      const [name, ...keys] = line.trim().split(/\s+/);
      if (!name) continue;
      const fields: Record<string, EventFieldType> = {};
      for (const k of keys) {
        const [key, t] = k.split(':');
        const type = t ? TYPES[t] : undefined;
        if (!key || !type) throw new Error(`bad event field ${k} in ${name}`);
        fields[key] = type;
      }
      out.set(name, { fields });
    }
  }
  for (const name of HINTS.split(/\s+/)) if (name) out.set(name, { fields: { userid: 'short', subject: 'long' } });
  return out;
}

/** Every game event that exists in L4D2 (engine, base game and L4D2 mod events), with its fields. */
export const L4D2_EVENTS: ReadonlyMap<string, EventInfo> = build();

/** True when `name` is an L4D2 game event (names are case-sensitive). */
export function isL4D2Event(name: string): boolean {
  return L4D2_EVENTS.has(name);
}

/** Plausible event names models invent, with the real one to use instead. */
export const INVENTED_EVENTS: Readonly<Record<string, string>> = {
  tank_death: 'tank_killed', tank_dead: 'tank_killed', tank_spawned: 'tank_spawn', witch_death: 'witch_killed',
  witch_spawned: 'witch_spawn', witch_startled: 'witch_harasser_set', special_infected_spawn: 'player_spawn',
  infected_spawn: 'player_spawn', player_incap: 'player_incapacitated', survivor_incapacitated: 'player_incapacitated',
  survivor_revived: 'revive_success', player_revived: 'revive_success', hunter_pounce: 'lunge_pounce',
  smoker_tongue_grab: 'tongue_grab', jockey_ride_start: 'jockey_ride', charger_charge: 'charger_charge_start',
  boomer_vomit: 'player_now_it', round_begin: 'round_start', map_start: 'round_start (or the OnMapStart forward)',
  finale_started: 'finale_start', rescue_vehicle_ready: 'finale_vehicle_ready', panic_event_start: 'create_panic_event',
  horde_spawn: 'create_panic_event', mob_spawn: 'create_panic_event', player_healed: 'heal_success',
  medkit_used: 'heal_success', defib_used: 'defibrillator_used', zombie_killed: 'infected_death',
  infected_killed: 'infected_death', survivor_death: 'player_death', player_ledge_hang: 'player_ledge_grab',
  tank_rock_thrown: 'ability_use',
};

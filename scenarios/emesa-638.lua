-- emesa-638.lua - "The Jazira comes to Homs", winter 637/638.
--
-- Scenario B of the design brief (shared/design/history.md, section 1b),
-- first playable version. A coalition of Jaziran Arab tribes, with a
-- Byzantine landing force, besieges the Rashidun army in Emesa (Homs). Abu
-- Ubaidah holds the city and writes to the caliph; relief comes from Iraq.
-- The theatre map (Kufa, Hit, Circesium, Raqqa) and the contingents'
-- politics belong to a later version; here their effect arrives as news.
--
-- Every number that comes from the sources or was made up for play
-- carries a tag, { value, conf = "A"|"D"|"I", src = "..." }:
--   A attested, D derived from attested data, I invented for play.
-- Sources are the keys of history.md ("TB" = Tabari/Sayf, "IA" = Ibn
-- al-Adim, "MU" = Muir, "S1" = the Wikipedia summary, ...).
--
-- Scale: 22 turns of 4 days; hexes of 250 m; one strength point (SP) is
-- about 500 men here, as in the design brief's order of battle for this
-- scenario (9,000 men = 18 SP). Reference for every key: scenarios/README.md.

---------------------------------------------------------------------------
-- The scenario itself
---------------------------------------------------------------------------
scenario {
  format = 1,
  id = "emesa-638",
  title = "The Jazira comes to Homs (637-638)",
  briefing = [[
Late in 637 the Arab tribes of the Jazira - Rabi'a, Tanukh, Iyad and Namir,
the Arabs of Hit - gather with a Byzantine force landed from the sea and
march on Emesa. Abu Ubaidah calls in his outposts and shuts himself in the
city with Khalid and the Mobile Guard. Khalid wants to go out and fight; the
council decides to hold the walls and write to Umar. Hold Emesa until the
coalition breaks up and relief comes from Iraq, or sally when the moment is
right.]],
  turns = { 22, conf = "I", src = "history.md 1b" },
  start = "28 Nov 637",          -- [D from IA]: about Dhu al-Qa'da 16 AH
  first_side = "coalition",      -- the besiegers move first each turn
  town_side = "rashidun",        -- the side inside the walls
}

---------------------------------------------------------------------------
-- Rules: the defaults of core/rules.h, restated where this scenario
-- depends on them. Movement costs are in half movement points.
---------------------------------------------------------------------------
rules {
  stack_limit = { 3, conf = "I", src = "history.md 2" },   -- counters per hex
  siege_mp_mult = { 3, conf = "I" },                       -- a 4-day turn moves 3 impulses' worth
  days_per_turn = { 4, conf = "I", src = "history.md 1b" },
  move_cost = {
    orchard = { foot = 4, horse = 4 },   -- 2 MP, no charge [history.md 2.1]
    basalt  = { foot = 4, horse = 6 },   -- 2 MP, cavalry 3
    ford    = { foot = 6, horse = 6 },   -- +2 MP
  },
}

---------------------------------------------------------------------------
-- Sides
---------------------------------------------------------------------------
side { id = "rashidun", name = "Rashidun", morale = { 14, conf = "I" } }
side { id = "coalition", name = "Jazira coalition", morale = { 12, conf = "I" } }

---------------------------------------------------------------------------
-- The map, 40 x 30 hexes of 250 m (10 x 7.5 km), north at the top.
-- Columns count from 0 at the left, rows from 0 at the top; odd columns
-- sit half a hex lower. Letters:
--   .  open plain (the steppe begins around column 33)
--   =  road: N to Hama/Rastan, ENE to Palmyra, E from the Saghir gate,
--      S to Damascus, W to Tripoli by the north ford, SW to Baalbek by
--      the south ford
--   t  irrigated orchards between the river and the walls [D]
--   b  basalt country west of the Orontes [A: ST]
--   ~  the Orontes, running south to north in columns 11-13
--   f  the two fords, (12,12) and (12,22) [I]
--   %  Lake Qattinah and its marshes, south-west [A: LH]
--   ^  the tell at (21,13) [A: CIT] and low rises to the east
--   c  the city inside the walls; #  the wall ring (columns 21-25,
--      rows 9-13 [I]); G  the four Roman gates [A: GT]
---------------------------------------------------------------------------
map {
  width = 40,
  height = 30,
  legend = {},   -- the standard letters above are built in
  rows = [[
    bb.b.bbbb...~.........=.................
    bbbbbbbbb...~.........=.................
    bbbbbbbbbb..~~........==................
    ..bb.bbbbb...~.........=...............=
    bbbb.bbbb....~ttttttt..=.............==.
    bbbbbbb.b....~ttttttt..=.........====...
    .bbbb.b.b...~~ttttttt..=.......==.......
    .bbb.bbbb..~~.ttttttt..=...^^==.........
    bbbbbbbbb..~..ttttttt..=...==...........
    ..bbbbbbbb.~..ttttttt##G#G=.............
    ====b=bbbb.~~.ttttttt#ccc#..............
    bbbb=b==b=..~.ttttttt#cccG==.=..........
    .b.bbbbb=.==f=t=ttt..#ccc#..=.==.=.=.=.=
    bb.bb.bbb...~.=t=====^G###......=.=.=.=.
    bb.bbbbbb...~.tttttttt=.................
    ..bb.b..b...~.ttttttt==.................
    bbbbbbbb.b..~~ttttttt==.................
    bbbbb.bbbb...~ttttt==t==......^^........
    b.b.bbbbb....~ttt==tttt=.......^........
    b.bb.b.bb...~~t==tttt..=................
    .bb.bb.bb...~.t=ttttt..=................
    bb.bbbbbb...~.=........=................
    bbbbbbbbb=.=f==........=................
    =========b=.~..........=................
    .bbbbbbbbb..~..........=................
    .bbbbb%%%..~~...........=...............
    bbbb%%%%%%%~............=...............
    bbb%%%%%%%%~............=...............
    bbb%%%%%%%%~~...........=...............
    bbb%%%%%%%%.~...........=...............
  ]],
}

---------------------------------------------------------------------------
-- Places: what the sides fight for. Whoever last stood on a place's hex
-- owns it.
---------------------------------------------------------------------------
place { id = "emesa", name = "Emesa (Homs)", at = "23,11", owner = "rashidun", value = 10 }
place { id = "tell", name = "The tell", at = "21,13", owner = "rashidun", value = 2 }

---------------------------------------------------------------------------
-- Gates, placed from their later positions [D from GT, SH]. All shut.
---------------------------------------------------------------------------
gate { id = "rastan", name = "Rastan gate", at = "23,9", state = "shut" }         -- N, road to Hama
gate { id = "tadmur", name = "Jabal (Tadmur) gate", at = "25,9", state = "shut" }  -- NE, on a rise [A: SH]
gate { id = "saghir", name = "Saghir (Dreib) gate", at = "25,11", state = "shut" } -- E
gate { id = "sham", name = "Sham (Damascus) gate", at = "22,13", state = "shut" }  -- S, beside the tell

---------------------------------------------------------------------------
-- The Rashidun in Emesa: about 9,000 men including the Mobile Guard
-- [I: the sources give no figure, history.md 1b]. 18 SP.
---------------------------------------------------------------------------
unit { id = "guard_1", name = "Mobile Guard (Khalid)", side = "rashidun", type = "light_cav",
       quality = "elite", sp = { 3, conf = "I", src = "history.md 1b" }, at = "23,10" }
unit { id = "guard_2", name = "Mobile Guard, heavy horse", side = "rashidun", type = "heavy_cav",
       quality = "elite", sp = { 3, conf = "I", src = "history.md 1b" }, at = "24,11" }
unit { id = "foot_1", name = "Abu Ubaidah's foot", side = "rashidun", type = "infantry",
       quality = "veteran", sp = { 4, conf = "I" }, at = "23,11" }
unit { id = "foot_2", name = "Yemeni foot", side = "rashidun", type = "infantry",
       quality = "veteran", sp = { 4, conf = "I" }, at = "22,12" }
unit { id = "foot_3", name = "Garrison of Emesa", side = "rashidun", type = "infantry",
       quality = "regular", sp = { 4, conf = "I" }, at = "22,10" }

-- Relief from Kufa: al-Qa'qa' with 4,000 [A: TB], 8 SP, arriving by the
-- Damascus road about three days after the dispersal [A: TB; D: turn 14].
unit { id = "qaqa_1", name = "al-Qa'qa's horse", side = "rashidun", type = "light_cav",
       quality = "veteran", sp = { 4, conf = "A", src = "TB" },
       arrives = { turn = { 14, conf = "D", src = "TB" }, at = "24,29" } }
unit { id = "qaqa_2", name = "al-Qa'qa's camel riders", side = "rashidun", type = "camel",
       quality = "veteran", sp = { 4, conf = "A", src = "TB" },
       arrives = { turn = { 14, conf = "D", src = "TB" }, at = "24,29" } }

---------------------------------------------------------------------------
-- The coalition: 20,000 in five contingents [I: default of history.md 1b;
-- Sayf says 30,000 Jazirans plus the Tanukh, A: IA]. 40 SP, camped by the
-- gates.
---------------------------------------------------------------------------
-- Rabi'a, 6,000 (home Circesium/Hit): north, before the Rastan gate
unit { id = "rabia_1", name = "Rabi'a camel riders", side = "coalition", type = "camel", sp = { 4, conf = "I" }, at = "23,7" }
unit { id = "rabia_2", name = "Rabi'a horse", side = "coalition", type = "light_cav", sp = { 4, conf = "I" }, at = "22,7" }
unit { id = "rabia_3", name = "Rabi'a foot", side = "coalition", type = "infantry", quality = "levy", sp = { 4, conf = "I" }, at = "24,7" }
-- Iyad and Namir, 4,000 (Raqqa-Harran): north-east, on the Palmyra road
unit { id = "iyad_1", name = "Iyad camel riders", side = "coalition", type = "camel", sp = { 4, conf = "I" }, at = "27,8" }
unit { id = "iyad_2", name = "Namir foot", side = "coalition", type = "infantry", quality = "levy", sp = { 4, conf = "I" }, at = "26,8" }
-- Arabs of Hit, 3,000: east, before the Saghir gate
unit { id = "hit_1", name = "Hit horse", side = "coalition", type = "light_cav", sp = { 3, conf = "I" }, at = "27,11" }
unit { id = "hit_2", name = "Hit foot", side = "coalition", type = "infantry", quality = "levy", sp = { 3, conf = "I" }, at = "27,12" }
-- Byzantines landed from the sea, 3,000 (Antioch): south, by the Sham gate
unit { id = "byz_1", name = "Byzantine cavalry", side = "coalition", type = "heavy_cav", sp = { 3, conf = "I" }, at = "23,15" }
unit { id = "byz_2", name = "Byzantine foot", side = "coalition", type = "infantry", sp = { 3, conf = "I" }, at = "22,16" }
-- Tanukh of Qinnasrin, 4,000: west, in the orchards (they will waver)
unit { id = "tanukh_1", name = "Tanukh horse", side = "coalition", type = "light_cav", sp = { 4, conf = "I" }, at = "19,11" }
unit { id = "tanukh_2", name = "Tanukh foot", side = "coalition", type = "infantry", quality = "levy", sp = { 4, conf = "I" }, at = "19,12" }

---------------------------------------------------------------------------
-- Leaders. Ratings 0-5 are invented for play [I]; traits follow
-- history.md 1b.
---------------------------------------------------------------------------
leader { id = "abu_ubaidah", name = "Abu Ubaidah", side = "rashidun", command = 4, initiative = 2, tactics = 3,
         traits = { "cautious", "trusted", "council" }, with = "foot_1" }
leader { id = "khalid", name = "Khalid ibn al-Walid", side = "rashidun", command = 4, initiative = 5, tactics = 5,
         traits = { "sword", "feint", "impetuous" }, with = "guard_1" }
leader { id = "qaqa", name = "al-Qa'qa' ibn Amr", side = "rashidun", command = 3, initiative = 4, tactics = 4,
         traits = { "forced_marcher" }, with = "qaqa_1" }
-- No source names a coalition field commander [history.md 1b]: generic chiefs.
leader { id = "rabia_chief", name = "Chief of Rabi'a", side = "coalition", command = 2, initiative = 3, tactics = 2,
         with = "rabia_2" }
leader { id = "byz_commander", name = "Byzantine commander", side = "coalition", command = 3, initiative = 2,
         tactics = 3, with = "byz_1" }

---------------------------------------------------------------------------
-- Victory, tried in this order at the end of each turn (hold_place only
-- at the end of the last turn).
---------------------------------------------------------------------------
victory { side = "coalition", kind = "take_place", place = "emesa", level = "major",
          text = "Emesa falls to the coalition" }
victory { side = "rashidun", kind = "destroy_sp", amount = { 20, conf = "I" }, level = "major",
          text = "the coalition army is broken in the field, as in the pursuit of 638" }
victory { side = "coalition", kind = "enemy_morale", amount = { 3, conf = "I" }, level = "minor",
          text = "the garrison loses heart; Abu Ubaidah must treat or leave" }
victory { side = "rashidun", kind = "hold_place", place = "emesa", level = "major",
          text = "Emesa held until the coalition went home" }

---------------------------------------------------------------------------
-- History notes, in our own words, with how sure we are.
---------------------------------------------------------------------------
note { id = "council", title = "The council in Emesa", conf = "A", src = "TB",
       text = "When the coalition approached, Abu Ubaidah gathered his commanders. Khalid urged them to go out and fight at once; the others preferred to stay behind the walls and ask the caliph for help, and that view carried." }
note { id = "letter", title = "A letter to Medina", conf = "D", src = "HA; IA",
       text = "A courier riding about 100 km a day would need some two weeks to cover the 1,450 km to Medina. Umar is said to have received the news on his way to the pilgrimage." }
note { id = "kufa", title = "The answer from Kufa", conf = "A", src = "TB",
       text = "Umar ordered the garrison of Kufa to march: al-Qa'qa' set out for Emesa with 4,000 men the same day, and other columns struck at the tribes' homes in the Jazira, at Hit, Circesium and Raqqa." }
note { id = "dispersal", title = "The coalition breaks up", conf = "A", src = "TB; MU",
       text = "Hearing that their own lands were threatened, the Jazirans left the siege. Khalid urged Abu Ubaidah to sally, and the Muslims routed those who remained." }
note { id = "qaqa", title = "Three days late", conf = "A", src = "TB; S1",
       text = "Sayf says al-Qa'qa' reached Emesa three days after the battle; another account has him arrive first and join the pursuit. The scenario brings him on turn 14 by the Damascus road." }
note { id = "numbers", title = "How many?", conf = "I", src = "history.md 1b, 3",
       text = "No source gives the size of the garrison. Sayf speaks of 30,000 Jazirans besides the Tanukh, a figure later historians distrust. The 9,000 defenders and 20,000 besiegers here are choices for play." }

---------------------------------------------------------------------------
-- Events. Handlers act only through emesa.* (see scenarios/README.md).
---------------------------------------------------------------------------

-- What the turn brings: news travels, and the coalition frays.
local chronicle = {
  [1] = "Council in Emesa: Khalid would fight in the open, but the council resolves to hold the walls and write to Umar.",
  [2] = "A courier leaves for Medina with Abu Ubaidah's letter.",
  [6] = "Umar, on the road to the pilgrimage, reads the letter and sends orders to Kufa.",
  [9] = "Al-Qa'qa' leaves Kufa with 4,000 men; other columns ride for Hit and Circesium.",
  [12] = "Rumours reach the coalition camps: enemy columns are in the Jazira.",
  [13] = "The Jaziran contingents begin to slip away toward their homes.",
}

on("turn", function(ev)
  local text = chronicle[ev.turn]
  if text then emesa.message(text) end
  if ev.turn == 6 then
    emesa.morale("rashidun", 1, "the caliph has answered")
  elseif ev.turn == 12 then
    emesa.morale("coalition", -2, "fear for their homes")
  elseif ev.turn == 13 then
    emesa.morale("coalition", -3, "the Jazirans disperse")
    emesa.morale("rashidun", 1, "the enemy camps thin out")
  end
end)

-- The relief column reaches the field.
on("arrival", function(ev)
  if ev.unit == "qaqa_1" then
    emesa.message("Al-Qa'qa' arrives from Iraq by the Damascus road.", "rashidun")
    emesa.morale("rashidun", 2, "al-Qa'qa' has come")
  end
end)

-- A contingent whose counters are all destroyed is gone for good.
local contingents = {
  rabia = { "rabia_1", "rabia_2", "rabia_3" }, iyad = { "iyad_1", "iyad_2" },
  hit = { "hit_1", "hit_2" }, byzantines = { "byz_1", "byz_2" }, tanukh = { "tanukh_1", "tanukh_2" },
}

on("eliminated", function(ev)
  for name, ids in pairs(contingents) do
    local gone = true
    local member = false
    for _, id in ipairs(ids) do
      if id == ev.unit then member = true end
      local u = emesa.unit(id)
      if u and u.status ~= "eliminated" then gone = false end
    end
    if member and gone then
      emesa.message("The " .. name .. " contingent has ceased to exist.")
      emesa.morale("coalition", -1, "a contingent destroyed")
    end
  end
end)

-- The city changes hands.
on("capture", function(ev)
  if ev.place == "emesa" and ev.side == "coalition" then
    emesa.message("The coalition is inside Emesa!")
  end
end)

-- A leader falls.
on("leader-lost", function(ev)
  emesa.message("A commander has fallen: " .. tostring(ev.leader) .. ".")
end)

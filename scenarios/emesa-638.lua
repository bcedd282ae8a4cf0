-- emesa-638.lua - "The Jazira comes to Homs", winter 637/638.
--
-- Scenario B of the design brief (shared/design/history.md, section 1b).
-- A coalition of the Arab tribes of the Jazira, with a Byzantine force
-- landed from the sea, besieges the Rashidun army in Emesa (Homs). Abu
-- Ubaidah holds the city and writes to the caliph. Umar answers from
-- Medina on two roads, as the seed account (S1) tells it: he bids Abu
-- Ubaidah send his own commanders out against the tribes' homes - Iyad ibn
-- Ghanm's corps to Hit, Habib ibn Maslama with the Kilab "Corps of 'Amr"
-- on to Circesium, Walid ibn Uqba against the Rabi'a and Tanukh - and he
-- bids Sa'd ibn Abi Waqqas in Kufa send al-Qa'qa' with 4,000 to Emesa,
-- Suhayl ibn Adi by the al-Farad road to Raqqa and a third column (Abdallah
-- ibn Itban to Nisibis, after TB). The news of those counter-sieges,
-- arriving late, makes the contingents fear for their homes and leave.
--
-- Every number that comes from the sources or was made up for play
-- carries a tag, { value, conf = "A"|"D"|"I", src = "..." }:
--   A attested, D derived from attested data (dates, distances, travel
--   times), I invented for play; "A?" attested by a doubtful source.
-- Sources are the keys of history.md ("TB" = Tabari/Sayf, "IA" = Ibn
-- al-Adim, "MU" = Muir, "S1" = the Wikipedia article (seed 001), "HA" =
-- Handbook of Arabia, ...).
--
-- Scale [history.md 0]: 22 turns of 4 days; hexes of 250 m; one strength
-- point (SP) is 100 men and a counter about 500 men (5 SP).
-- Reference for every key: scenarios/README.md.

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
council decides to hold the walls and write to Umar, 1,450 km away.

As the Rashidun: hold Emesa until the letter has been answered. Umar bids
Abu Ubaidah send Iyad ibn Ghanm's corps out against Hit - which has dug a
moat and will not fall quickly - and on to Circesium and the Rabi'a forts;
from Kufa Sa'd sends al-Qa'qa' with 4,000 men to Emesa and columns to Raqqa
and Nisibis - the coalition's homes. When the contingents go
home, sally and break what is left. As the coalition: storm the city or
starve it before the news from home breaks your army.]],
  title_ar = "الجزيرة تزحف على حمص (637-638)",
  briefing_ar = [[
في أواخر 637 تجتمع قبائل الجزيرة العربية - ربيعة وتنوخ وإياد والنمر،
وعرب هيت - مع قوة رومية نزلت من البحر، وتزحف على حمص. يستدعي
أبو عبيدة مسالحه ويتحصّن في المدينة مع خالد والحرس المتنقل. يريد
خالد الخروج والقتال؛ ويقرّر المجلس حماية الأسوار والكتابة إلى عمر،
على بعد 1,450 كم.

بصفتك الراشدين: احفظ حمص حتى يأتي جواب الرسالة. يأمر عمر
أبا عبيدة بإرسال فيلق عياض بن غنم إلى هيت - وقد حفرت خندقًا ولن
تسقط سريعًا - ثم إلى قرقيسياء وحصون ربيعة؛ ومن الكوفة يرسل سعد
القعقاعَ في 4,000 رجل إلى حمص، وأرتالًا إلى الرقة ونصيبين - ديار
التحالف. وحين تعود الفرق إلى ديارها، اخرج وحطّم ما تبقى. وبصفتك
التحالف: اقتحم المدينة أو جوّعها قبل أن تحطّم أخبار الديار جيشك.]],
  turns = { 22, conf = "I", src = "history.md 1b" },
  start = "28 Nov 637",          -- [D from IA]: about Dhu al-Qa'da 16 AH
  first_side = "coalition",      -- the besiegers move first each turn
  town = "emesa",                -- the walled town; its owner holds the gates
}

---------------------------------------------------------------------------
-- What-if switches (scenarios/README.md, "What-if switches"). Each is off
-- unless asked for (emesa --option ID, or a save that records it); the
-- file says below, at `option("...")`, what each one changes.
---------------------------------------------------------------------------
whatif { id = "no-counter-siege", label = "No counter-siege",
         text = "Umar strikes no blow at the coalition's homes: Iyad's corps and Sa'd's Jazira columns never march." }
whatif { id = "no-relief", label = "No relief",
         text = "No help comes to Emesa: al-Qa'qa' stays in Iraq and the caliph in Medina." }
whatif { id = "no-sally", label = "No sally",
         text = "Abu Ubaidah keeps his men behind the walls to the end: the garrison may not attack out of the town." }

---------------------------------------------------------------------------
-- The siege rules (core/siege.h). Most are the proposals of history.md
-- section 2, restated here with their tags; a modder may change any.
---------------------------------------------------------------------------
siege {
  historical = true,     -- reinforcements keep their schedule (false: +-1 turn)
  civic_will = { 6, conf = "I" },   -- the townspeople of Emesa, 0-10
  rules = {
    sally_allowed = option("no-sally") and 0 or 1,   -- what-if: no sally [A: TB, MU that there was one]
    weather_winter = { mild = 4, cold = 7, rain = 9, frost = 10 },  -- d10 [I; CL]
    weather_other  = { mild = 7, cold = 8, rain = 10, frost = 10 },
    winter_months  = { "dec", "jan", "feb" },
    ford_closed_max = { 3, conf = "I", src = "history.md 2.10" },
    camp_radius = { 2, conf = "I" },
    gate_throughput = { 10, conf = "I", src = "history.md 2.6" },   -- SP per impulse
    shift_surprise = { 2, conf = "I", src = "history.md 2.6" },
    consumption_pct = { full = 100, half = 50, expel = 60 },        -- [I, history.md 2.4]
    leak_per_gate = { 2, conf = "I", src = "history.md 2.4" },
    forage_per_turn = { 4, conf = "I" }, forage_winter_pct = { 50, conf = "I", src = "history.md 2.4" },
    pace_km = { mixed = 30, mounted = 45, forced = 55 },            -- km a day [D: HA, MR; history.md 2.7]
    forced_sp_pct = { 5, conf = "I", src = "history.md 2.7" },
    news_delay_min = { 1, conf = "I", src = "history.md 2.8" }, news_delay_max = { 2, conf = "I", src = "history.md 2.8" },
    anxiety_unknown = { 1, conf = "I", src = "history.md 2.8" }, anxiety_near = { 2, conf = "I", src = "history.md 2.8" },
    anxiety_besieged = { 3, conf = "I", src = "history.md 2.8" }, anxiety_fallen = { 5, conf = "I", src = "history.md 2.8" },
    anxiety_departure = { 1, conf = "A", src = "MU (the cascade)" },
    -- An army of the caliph does not hand over a city it means to hold on
    -- the first offer: a higher bar than for a town of citizens [I].
    surrender_target = { 16, conf = "I", src = "history.md 2.11, raised" },
  },
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
-- Sides, with their stores. Food is counted in ration-days of the whole
-- army: 4 a turn at full rations.
---------------------------------------------------------------------------
side { id = "rashidun", name = "Rashidun", morale = { 14, conf = "I" },
       food = { 72, conf = "I", src = "history.md 2.4" }, rations = "full" }
-- The besiegers live off the country, which gives half as much in winter;
-- their own stores run out late in the winter ("the besiegers freeze").
-- A great confederacy in good heart [I: Sayf's 30,000, A: IA]: the news
-- from home (the caliph, homes besieged and fallen, contingents leaving)
-- costs it 2 a time, and at 2 it no longer holds the Muslims in (see the
-- turn handler). Tuned on 40 seeded AI-vs-AI games a level (it was 12,
-- when the coalition held its camp to the end at morale 0).
side { id = "coalition", name = "Jazira coalition", morale = { 20, conf = "I", src = "IA (Sayf's 30,000)" },
       food = { 40, conf = "I" }, rations = "full", forages = true }

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
-- Places on the battle map: what the sides fight for. Whoever last stood
-- on a place's hex owns it. The coalition's camps shelter the besiegers
-- within two hexes (tents: less exposure to the cold).
---------------------------------------------------------------------------
place { id = "emesa", name = "Emesa (Homs)", at = "23,11", owner = "rashidun", value = 10 }
place { id = "tell", name = "The tell", at = "21,13", owner = "rashidun", value = 2 }
place { id = "camp_north", name = "Camp of Rabi'a", at = "23,6", owner = "coalition", camp = true }
place { id = "camp_northeast", name = "Camp of Iyad and Namir", at = "28,8", owner = "coalition", camp = true }
place { id = "camp_east", name = "Camp of the Hit Arabs", at = "28,12", owner = "coalition", camp = true }
place { id = "camp_south", name = "Camp of the Byzantines", at = "23,16", owner = "coalition", camp = true }
place { id = "camp_west", name = "Camp of the Tanukh", at = "18,11", owner = "coalition", camp = true }

---------------------------------------------------------------------------
-- Gates, placed from their later positions [D from GT, SH]. All shut.
---------------------------------------------------------------------------
gate { id = "rastan", name = "Rastan gate", at = "23,9", state = "shut" }         -- N, road to Hama
gate { id = "tadmur", name = "Jabal (Tadmur) gate", at = "25,9", state = "shut" }  -- NE, on a rise [A: SH]
gate { id = "saghir", name = "Saghir (Dreib) gate", at = "25,11", state = "shut" } -- E
gate { id = "sham", name = "Sham (Damascus) gate", at = "22,13", state = "shut" }  -- S, beside the tell

---------------------------------------------------------------------------
-- The theatre map: Syria, the Jazira and Iraq. x, y place each town for
-- drawing (about 1 unit = 1 km, north up). Resistance is what a column
-- must reach on d10 + SP/10 + half its leader's command to take a town
-- [history.md 2.7].
---------------------------------------------------------------------------
theatre_place { id = "emesa", name = "Emesa", owner = "rashidun", map_place = "emesa", x = 170, y = 327 }
theatre_place { id = "palmyra", name = "Palmyra", owner = "rashidun", x = 327, y = 345 }
theatre_place { id = "jabiya", name = "al-Jabiya", owner = "rashidun", x = 90, y = 510 }
theatre_place { id = "medina", name = "Medina", owner = "rashidun", x = 460, y = 1350 }
theatre_place { id = "kufa", name = "Kufa", owner = "rashidun", x = 940, y = 600 }
-- Hit was well fortified and its people dug a moat round the walls; the
-- Muslims were held up until they got across it [A: TB; S1]. The moat adds
-- 5 to the resistance on the first turn of the siege and one less each turn
-- after [I]: Iyad's column (d10 + 2 + 1) needs 14, 13, 12, ... - no
-- chance on the first turn, 1 in 10 on the second, an even chance a turn
-- only from the sixth.
theatre_place { id = "hit", name = "Hit", owner = "coalition", resistance = { 9, conf = "I", src = "history.md 2.7; TB" },
                moat = { 5, conf = "I", src = "TB; S1 (the moat)" }, x = 780, y = 440 }
-- al-Firad (Firaz), on the Euphrates at the edge of Iraq, where Khalid had
-- fought in 634; Suhayl's road to Raqqa went by it [A: S1].
theatre_place { id = "firad", name = "al-Firad", owner = "none", resistance = { 5, conf = "I" }, x = 620, y = 330 }
theatre_place { id = "anah", name = "Anah", owner = "coalition", resistance = { 6, conf = "I" }, x = 695, y = 360 }
-- Circesium fell without a fight to a column that came unannounced [A: TB, S1].
theatre_place { id = "circesium", name = "Circesium (Qarqisiya)", owner = "coalition",
                resistance = { 7, conf = "I", src = "history.md 2.7" },
                surprise_resistance = { 4, conf = "I", src = "history.md 2.7; TB" }, x = 545, y = 285 }
-- Raqqa's leaders gave up within days, facing starvation once the
-- countryside was held [A: S1].
theatre_place { id = "raqqa", name = "Raqqa (Kallinikos)", owner = "coalition",
                resistance = { 7, conf = "I", src = "history.md 2.7" }, ravage = { 1, conf = "I", src = "S1" },
                x = 400, y = 205 }
theatre_place { id = "edessa", name = "Edessa", owner = "coalition", resistance = { 8, conf = "I" }, x = 380, y = 85 }
-- The forts of the Rabi'a and Tanukh in the Jazira, against which Iyad sent
-- Walid ibn Uqba [A: S1; TB names the Rabi'a and Tanukh]. One place up the
-- Khabur stands for them all [I]: the Rabi'a and the Tanukh worry for it as
-- for a second home.
theatre_place { id = "rabia_forts", name = "Forts of Rabi'a and Tanukh", owner = "coalition",
                resistance = { 6, conf = "I" }, x = 560, y = 150 }
-- Nisibis, in Persian hands until Iyad took it in 640 [A: S1]; Sayf has
-- Sa'd send Abdallah ibn Itban against it in 638 [A: TB].
theatre_place { id = "nisibis", name = "Nisibis", owner = "none", resistance = { 8, conf = "I" }, x = 600, y = 75 }
-- Qinnasrin, taken by Khalid just before, has risen with the Tanukh [A: IA].
theatre_place { id = "qinnasrin", name = "Qinnasrin", owner = "coalition", resistance = { 6, conf = "I" }, x = 200, y = 200 }
theatre_place { id = "antioch", name = "Antioch", owner = "coalition", resistance = { 9, conf = "I" }, x = 115, y = 180 }

-- Road distances in km [D: history.md 2.7, from modern roads along the
-- old routes].
route { from = "kufa", to = "hit", km = { 280, conf = "D", src = "history.md 2.7" } }
route { from = "hit", to = "anah", km = { 150, conf = "D", src = "history.md 2.7" } }
route { from = "anah", to = "firad", km = { 100, conf = "D", src = "history.md 2.7 (Anah-Circesium 190, split)" } }
route { from = "firad", to = "circesium", km = { 90, conf = "D", src = "history.md 2.7 (Anah-Circesium 190, split)" } }
-- The al-Farad road: up the left bank to Raqqa, not by Circesium [A: S1; D: 240 km in a line].
route { from = "firad", to = "raqqa", km = { 270, conf = "D", src = "S1; map" } }
-- The desert track from Tadmur to the Euphrates [D: 240 km in a line, by the wells].
route { from = "palmyra", to = "firad", km = { 280, conf = "D", src = "map" } }
route { from = "circesium", to = "rabia_forts", km = { 150, conf = "I", src = "up the Khabur" } }
route { from = "rabia_forts", to = "nisibis", km = { 120, conf = "I", src = "across the upper Khabur" } }
-- Kufa to Nisibis by the Tigris road, Tikrit and Mosul [D: modern roads].
route { from = "kufa", to = "nisibis", km = { 750, conf = "D", src = "modern road" } }
route { from = "circesium", to = "raqqa", km = { 190, conf = "D", src = "history.md 2.7" } }
route { from = "raqqa", to = "edessa", km = { 170, conf = "D", src = "history.md 2.7" } }
route { from = "circesium", to = "palmyra", km = { 250, conf = "D", src = "history.md 2.7" } }
route { from = "palmyra", to = "emesa", km = { 170, conf = "D", src = "history.md 2.7" } }
route { from = "medina", to = "jabiya", km = { 1250, conf = "D", src = "history.md 2.7" } }
route { from = "jabiya", to = "emesa", km = { 255, conf = "D", src = "history.md 2.7" } }
route { from = "emesa", to = "qinnasrin", km = { 170, conf = "D", src = "modern road Homs-Aleppo less 25 km" } }
route { from = "qinnasrin", to = "antioch", km = { 100, conf = "D", src = "modern road" } }

---------------------------------------------------------------------------
-- Couriers. Abu Ubaidah's letter leaves on turn 2 [A: TB] and rides about
-- 1,450 km at 100 km a day [A: HA; D], reaching Umar on turn 6; Umar's
-- orders then ride to Kufa and arrive on turn 9 [D: history.md 1b, orders
-- reach Kufa T7-9].
---------------------------------------------------------------------------
courier { id = "letter", name = "Abu Ubaidah's letter", side = "rashidun", from = "emesa", to = "medina",
          km = { 1450, conf = "D", src = "HA" }, km_per_day = { 100, conf = "A", src = "HA" },
          depart_turn = { 2, conf = "A", src = "TB" } }
courier { id = "orders", name = "Umar's orders to Sa'd in Kufa", side = "rashidun", from = "medina", to = "kufa",
          km = { 1000, conf = "I", src = "estimate, Medina-Kufa by the pilgrim road" },
          km_per_day = { 100, conf = "A", src = "HA" },
          after_courier = "letter" }  -- Umar answers as soon as the letter comes [D: IA; HA]
-- And he bids Abu Ubaidah send his commanders out [A: S1]: 1,450 km back
-- to Emesa, slipping in through the lines, arriving about turn 10 [D].
courier { id = "instructions", name = "Umar's instructions to Abu Ubaidah", side = "rashidun", from = "medina",
          to = "emesa", km = { 1450, conf = "D", src = "HA" }, km_per_day = { 100, conf = "A", src = "HA" },
          after_courier = "letter" }

---------------------------------------------------------------------------
-- Columns on the theatre map [A: S1, the seed account; TB where it
-- differs, see the disputes]. Their goals stay secret until they strike
-- [A: TB]. Strengths are invented [I]: Sayf gives none but al-Qa'qa''s
-- 4,000; for scale, Iyad took 5,000 into the Jazira the next year [A: BLF].
-- A player may redirect any column once it marches (send-column <id>
-- <place> <pace>); a redirected column forgets its `via`.
--
-- Abu Ubaidah's commanders [A: S1]: Umar bids him send them out of Emesa
-- with detachments. They set out when his instructions come (about turn
-- 10) and ride by Tadmur and the desert track to the Euphrates. The 45 SP
-- are not taken from the 90 on the battle map [I]: the seed has Abu
-- Ubaidah call in all his outposts, and these are counted as the men of
-- the outposts who had not yet gone into the city.
---------------------------------------------------------------------------
-- Sa'd's detachment to Emesa: al-Qa'qa' with 4,000 [A: TB; S1], a veteran
-- of the Yarmuk and of Qadisiyya [A: S1].
if not option("no-relief") then
column { id = "qaqa", name = "al-Qa'qa's 4,000 (from Sa'd)", side = "rashidun", sp = { 40, conf = "A", src = "TB; S1" },
         leader = "qaqa", at = "kufa", dest = "emesa", pace = "forced", after_courier = "orders" }
end
if not option("no-counter-siege") then
-- Iyad ibn Ghanm's corps: it reaches Hit first, finds it fortified, and
-- leaves part of its men to besiege it [A: S1] - this column, with Iyad.
column { id = "hit", name = "Iyad ibn Ghanm's corps", side = "rashidun", sp = { 20, conf = "I", src = "S1 (a fraction)" },
         leader = "iyad", at = "emesa", dest = "hit", pace = "mounted", hidden = true, after_courier = "instructions" }
-- From Hit Iyad sends Habib ibn Maslama on to Circesium with the Kilab
-- "Corps of 'Amr" under Aslam ibn Zur'a al-Kilabi, al-Harith ibn Yazid and
-- his son Zufar [A: S1]. It rides with the corps to Hit, then on.
column { id = "circesium", name = "Habib ibn Maslama and the Kilab", side = "rashidun", sp = { 15, conf = "I", src = "S1" },
         leader = "habib", at = "emesa", via = "hit", dest = "circesium", pace = "mounted", hidden = true,
         after_courier = "instructions" }
-- And Walid ibn Uqba against the forts of the Rabi'a and Tanukh [A: S1;
-- TB has Sa'd send him from Kufa].
column { id = "walid", name = "Walid ibn Uqba's riders", side = "rashidun", sp = { 10, conf = "I", src = "S1" },
         leader = "walid", at = "emesa", via = "hit", dest = "rabia_forts", pace = "mounted", hidden = true,
         after_courier = "instructions" }
-- Sa'd's Jazira columns from Kufa [A: S1 "three routes"; TB names them]:
-- Suhayl ibn Adi by the al-Farad road to Raqqa [A: S1; TB] ...
column { id = "raqqa", name = "Suhayl ibn Adi's column (from Sa'd)", side = "rashidun", sp = { 20, conf = "I" },
         leader = "suhayl", at = "kufa", dest = "raqqa", pace = "mounted", hidden = true, after_courier = "orders" }
-- ... and Abdallah ibn Itban to Nisibis [A: TB; S1 gives no name].
column { id = "nisibis", name = "Abdallah ibn Itban's column (from Sa'd)", side = "rashidun",
         sp = { 15, conf = "I" }, leader = "abdallah", at = "kufa", dest = "nisibis", pace = "mounted", hidden = true,
         after_courier = "orders" }
end
-- The caliph himself sets out from Medina with 1,000 men [A?: S1 only]
-- when the letter reaches him, and goes as far as al-Jabiya [A: TB].
if not option("no-relief") then
column { id = "caliph", name = "The caliph's 1,000", side = "rashidun", sp = { 10, conf = "A?", src = "S1" },
         leader = "umar", at = "medina", dest = "jabiya", pace = "mixed", after_courier = "letter" }
end

---------------------------------------------------------------------------
-- The coalition's contingents, each with its home on the theatre map and
-- a loyalty to the siege [I]. A contingent leaves when d10 < worry for
-- home - loyalty [history.md 2.8]; each departure adds 1 to the rest.
-- Loyalties were tuned on 200 seeded AI-vs-AI games so that neither side
-- wins more than 80 % at equal level (at 1/1/0/-1/3 the coalition broke up
-- in 96 % of them): the great Rabi'a and Iyad/Namir hosts, paid by
-- Heraclius and far from home, hold longest; the Hit Arabs, a few days
-- from their town, less; the Tanukh least.
---------------------------------------------------------------------------
contingent { id = "rabia", name = "Rabi'a", side = "coalition", home = "circesium", also_home = "rabia_forts",
             loyalty = { 5, conf = "I" } }
contingent { id = "iyad_namir", name = "Iyad and Namir", side = "coalition", home = "raqqa", loyalty = { 5, conf = "I" } }
-- The Arabs of Hit hurried home on the news that Hit was besieged [A: TB;
-- S1]; now that Hit's moat holds the besiegers off for turns, the siege,
-- not the fall, must be able to move them: loyalty 0 (was 2), so a
-- besieged Hit sends them home on a d10 of 1-2, a fallen one on 1-4 [I].
contingent { id = "hit_arabs", name = "Arabs of Hit", side = "coalition", home = "hit", loyalty = { 0, conf = "I", src = "TB; S1" } }
-- The Tanukh of Qinnasrin wavered and offered to change sides [A: RF, IA].
-- Their kin in the Jazira had forts of their own, Walid's goal [A: S1].
contingent { id = "tanukh", name = "Tanukh", side = "coalition", home = "qinnasrin", also_home = "rabia_forts",
             loyalty = { 1, conf = "I", src = "RF" } }
contingent { id = "byzantines", name = "Byzantines from the sea", side = "coalition", home = "antioch",
             loyalty = { 5, conf = "I" } }

---------------------------------------------------------------------------
-- The Rashidun in Emesa: about 9,000 men including 3,000 of the Mobile
-- Guard [I: the sources give no figure, history.md 1b]. 90 SP: Khalid
-- and the Guard behind the Rastan and Saghir gates, the foot on the walls.
---------------------------------------------------------------------------
-- The Mobile Guard, 3,000 horse [I, history.md 1b]: six counters.
unit { id = "guard_1", name = "Mobile Guard, light horse I", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,10" }
unit { id = "guard_2", name = "Mobile Guard, light horse II", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,10" }
unit { id = "guard_3", name = "Mobile Guard, light horse III", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,10" }
unit { id = "guard_4", name = "Mobile Guard, light horse IV", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,10" }
unit { id = "guard_5", name = "Mobile Guard, heavy horse I", side = "rashidun", type = "heavy_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "25,11" }
unit { id = "guard_6", name = "Mobile Guard, heavy horse II", side = "rashidun", type = "heavy_cav", quality = "elite", sp = { 5, conf = "I", src = "history.md 1b" }, at = "25,11" }
-- The foot, 6,000 [I]: twelve counters.
unit { id = "foot_1", name = "Companions' foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,11" }
unit { id = "foot_2", name = "Himyar foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,9" }
unit { id = "foot_3", name = "Hamdan foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "24,9" }
unit { id = "foot_4", name = "Madhhij foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "21,10" }
unit { id = "foot_5", name = "Kinda foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "25,10" }
unit { id = "foot_6", name = "Azd foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "21,12" }
unit { id = "foot_7", name = "Qays foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "25,12" }
unit { id = "foot_8", name = "Tamim foot", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,13" }
unit { id = "foot_9", name = "Garrison of Emesa I", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "24,10" }
unit { id = "foot_10", name = "Garrison of Emesa II", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,11" }
unit { id = "archers_1", name = "Yemeni archers I", side = "rashidun", type = "archers", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,11" }
unit { id = "archers_2", name = "Yemeni archers II", side = "rashidun", type = "archers", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1b" }, at = "24,11" }

-- Relief from Kufa: al-Qa'qa' with 4,000 [A: TB], eight counters. They
-- march with his column and come on by the Palmyra road when it reaches
-- Emesa (about turn 14 [D]). The garrison hears of them first as a rumour,
-- then for certain.
if not option("no-relief") then
unit { id = "qaqa_1", name = "al-Qa'qa's horse I", side = "rashidun", type = "light_cav", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3", rumour = { 10, conf = "I" }, confirm = { 12, conf = "I" } } }
unit { id = "qaqa_2", name = "al-Qa'qa's horse II", side = "rashidun", type = "light_cav", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_3", name = "al-Qa'qa's horse III", side = "rashidun", type = "light_cav", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_4", name = "al-Qa'qa's horse IV", side = "rashidun", type = "light_cav", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_5", name = "Kufan camel riders I", side = "rashidun", type = "camel", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_6", name = "Kufan camel riders II", side = "rashidun", type = "camel", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_7", name = "Kufan camel riders III", side = "rashidun", type = "camel", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
unit { id = "qaqa_8", name = "Kufan camel riders IV", side = "rashidun", type = "camel", quality = "veteran",
       sp = { 5, conf = "A", src = "TB" }, arrives = { column = "qaqa", at = "39,3" } }
end

---------------------------------------------------------------------------
-- The coalition: 20,000 in five contingents [I: default of history.md 1b;
-- Sayf says 30,000 Jazirans besides the Tanukh, A: IA]. 200 SP in forty
-- counters, camped before the gates.
---------------------------------------------------------------------------
-- Rabi'a, 6,000 (home Circesium): before the Rastan gate, north
unit { id = "rabia_horse_1", name = "Rabi'a horse I", side = "coalition", type = "light_cav", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,6" }
unit { id = "rabia_horse_2", name = "Rabi'a horse II", side = "coalition", type = "light_cav", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,6" }
unit { id = "rabia_horse_3", name = "Rabi'a horse III", side = "coalition", type = "light_cav", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,5" }
unit { id = "rabia_horse_4", name = "Rabi'a horse IV", side = "coalition", type = "light_cav", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,5" }
unit { id = "rabia_camel_1", name = "Rabi'a camel riders I", side = "coalition", type = "camel", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,6" }
unit { id = "rabia_camel_2", name = "Rabi'a camel riders II", side = "coalition", type = "camel", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,6" }
unit { id = "rabia_camel_3", name = "Rabi'a camel riders III", side = "coalition", type = "camel", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "24,6" }
unit { id = "rabia_camel_4", name = "Rabi'a camel riders IV", side = "coalition", type = "camel", quality = "regular", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "24,6" }
unit { id = "rabia_foot_1", name = "Rabi'a foot I", side = "coalition", type = "infantry", quality = "levy", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,7" }
unit { id = "rabia_foot_2", name = "Rabi'a foot II", side = "coalition", type = "infantry", quality = "levy", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,7" }
unit { id = "rabia_foot_3", name = "Rabi'a foot III", side = "coalition", type = "infantry", quality = "levy", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,7" }
unit { id = "rabia_foot_4", name = "Rabi'a foot IV", side = "coalition", type = "infantry", quality = "levy", contingent = "rabia", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,7" }
-- Iyad and Namir, 4,000 (home Raqqa): before the Jabal gate, north-east
unit { id = "iyad_camel_1", name = "Iyad camel riders I", side = "coalition", type = "camel", quality = "regular", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,8" }
unit { id = "iyad_camel_2", name = "Iyad camel riders II", side = "coalition", type = "camel", quality = "regular", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,8" }
unit { id = "iyad_camel_3", name = "Iyad camel riders III", side = "coalition", type = "camel", quality = "regular", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "27,7" }
unit { id = "iyad_horse_1", name = "Iyad horse I", side = "coalition", type = "light_cav", quality = "regular", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "27,7" }
unit { id = "iyad_horse_2", name = "Iyad horse II", side = "coalition", type = "light_cav", quality = "regular", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,7" }
unit { id = "namir_foot_1", name = "Namir foot I", side = "coalition", type = "infantry", quality = "levy", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,7" }
unit { id = "namir_foot_2", name = "Namir foot II", side = "coalition", type = "infantry", quality = "levy", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "29,7" }
unit { id = "namir_foot_3", name = "Namir foot III", side = "coalition", type = "infantry", quality = "levy", contingent = "iyad_namir", sp = { 5, conf = "I", src = "history.md 1b" }, at = "29,7" }
-- Arabs of Hit, 3,000 (home Hit): before the Saghir gate, east
unit { id = "hit_horse_1", name = "Hit horse I", side = "coalition", type = "light_cav", quality = "regular", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,12" }
unit { id = "hit_horse_2", name = "Hit horse II", side = "coalition", type = "light_cav", quality = "regular", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,12" }
unit { id = "hit_foot_1", name = "Hit foot I", side = "coalition", type = "infantry", quality = "levy", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "27,11" }
unit { id = "hit_foot_2", name = "Hit foot II", side = "coalition", type = "infantry", quality = "levy", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "27,11" }
unit { id = "hit_foot_3", name = "Hit foot III", side = "coalition", type = "infantry", quality = "levy", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,11" }
unit { id = "hit_foot_4", name = "Hit foot IV", side = "coalition", type = "infantry", quality = "levy", contingent = "hit_arabs", sp = { 5, conf = "I", src = "history.md 1b" }, at = "28,11" }
-- Byzantines landed from the sea, 3,000 (home Antioch): before the Sham gate, south
unit { id = "byz_cav_1", name = "Byzantine cavalry I", side = "coalition", type = "heavy_cav", quality = "veteran", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,16" }
unit { id = "byz_cav_2", name = "Byzantine cavalry II", side = "coalition", type = "heavy_cav", quality = "veteran", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,16" }
unit { id = "byz_cav_3", name = "Byzantine cavalry III", side = "coalition", type = "heavy_cav", quality = "veteran", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,15" }
unit { id = "byz_foot_1", name = "Byzantine foot I", side = "coalition", type = "infantry", quality = "regular", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "23,15" }
unit { id = "byz_foot_2", name = "Byzantine foot II", side = "coalition", type = "infantry", quality = "regular", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,16" }
unit { id = "byz_foot_3", name = "Byzantine foot III", side = "coalition", type = "infantry", quality = "regular", contingent = "byzantines", sp = { 5, conf = "I", src = "history.md 1b" }, at = "22,16" }
-- Tanukh of Qinnasrin, 4,000 (home Qinnasrin): in the orchards, west
unit { id = "tanukh_horse_1", name = "Tanukh horse I", side = "coalition", type = "light_cav", quality = "regular", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "18,11" }
unit { id = "tanukh_horse_2", name = "Tanukh horse II", side = "coalition", type = "light_cav", quality = "regular", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "18,11" }
unit { id = "tanukh_horse_3", name = "Tanukh horse III", side = "coalition", type = "light_cav", quality = "regular", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "17,10" }
unit { id = "tanukh_horse_4", name = "Tanukh horse IV", side = "coalition", type = "light_cav", quality = "regular", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "17,10" }
unit { id = "tanukh_foot_1", name = "Tanukh foot I", side = "coalition", type = "infantry", quality = "levy", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "18,10" }
unit { id = "tanukh_foot_2", name = "Tanukh foot II", side = "coalition", type = "infantry", quality = "levy", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "18,10" }
unit { id = "tanukh_foot_3", name = "Tanukh foot III", side = "coalition", type = "infantry", quality = "levy", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "19,10" }
unit { id = "tanukh_foot_4", name = "Tanukh foot IV", side = "coalition", type = "infantry", quality = "levy", contingent = "tanukh", sp = { 5, conf = "I", src = "history.md 1b" }, at = "19,10" }

---------------------------------------------------------------------------
-- Leaders. Ratings 0-5 are invented for play [I]; traits follow
-- history.md 1b. Leaders without a unit act off the map: at the head of a
-- column, or (Umar, Heraclius) from afar.
---------------------------------------------------------------------------
leader { id = "abu_ubaidah", name = "Abu Ubaidah ibn al-Jarrah", side = "rashidun", command = 4, initiative = 2, tactics = 3,
         traits = { "cautious", "trusted", "council" }, with = "foot_1" }
leader { id = "khalid", name = "Khalid ibn al-Walid", side = "rashidun", command = 4, initiative = 5, tactics = 5,
         traits = { "sword", "feint", "impetuous" }, with = "guard_1" }
leader { id = "qaqa", name = "al-Qa'qa' ibn Amr", side = "rashidun", command = 3, initiative = 4, tactics = 4,
         traits = { "forced_marcher" }, with = not option("no-relief") and "qaqa_1" or nil }
leader { id = "umar", name = "Umar ibn al-Khattab, the caliph", side = "rashidun", command = 4, initiative = 3, tactics = 2,
         traits = { "caliph" } }
-- Abu Ubaidah's commanders in the Jazira [A: S1]. Iyad, who would take
-- the Jazira's towns by terms in 639-640 [A: S1; BLF], leads the corps
-- before Hit.
leader { id = "iyad", name = "Iyad ibn Ghanm", side = "rashidun", command = 3, initiative = 3, tactics = 3,
         traits = { "negotiator" } }
leader { id = "habib", name = "Habib ibn Maslama al-Fihri", side = "rashidun", command = 3, initiative = 4, tactics = 3 }
leader { id = "walid", name = "Walid ibn Uqba", side = "rashidun", command = 2, initiative = 3, tactics = 2 }
-- Sa'd ibn Abi Waqqas's commanders from Kufa [A: S1; TB].
leader { id = "suhayl", name = "Suhayl ibn Adi", side = "rashidun", command = 3, initiative = 3, tactics = 3 }
leader { id = "abdallah", name = "Abdallah ibn Itban", side = "rashidun", command = 2, initiative = 3, tactics = 2 }
-- No source names a coalition field commander [history.md 1b]: generic chiefs.
leader { id = "rabia_chief", name = "Chief of Rabi'a", side = "coalition", command = 2, initiative = 3, tactics = 2,
         with = "rabia_horse_1" }
leader { id = "tanukh_chief", name = "Chief of the Tanukh", side = "coalition", command = 2, initiative = 2, tactics = 2,
         traits = { "cautious" }, with = "tanukh_horse_1" }
leader { id = "byz_commander", name = "Byzantine commander", side = "coalition", command = 3, initiative = 2,
         tactics = 3, with = "byz_cav_1" }
leader { id = "heraclius", name = "Heraclius, at Edessa", side = "coalition", command = 3, initiative = 2, tactics = 2 }

---------------------------------------------------------------------------
-- Victory, tried in this order at the end of each turn (hold_place only
-- at the end of the last turn). The historical outcome - the city held,
-- the coalition gone home and broken in the pursuit - is judged by the
-- handler at the end of this file, at the start of each turn.
---------------------------------------------------------------------------
victory { side = "coalition", kind = "take_place", place = "emesa", level = "major",
          text = "Emesa falls to the coalition" }
victory { side = "coalition", kind = "surrender", level = "major",
          text = "Abu Ubaidah gives up Emesa on terms" }
victory { side = "rashidun", kind = "destroy_sp", amount = { 100, conf = "I" }, level = "major",
          text = "the coalition army is destroyed before the walls" }
victory { side = "coalition", kind = "enemy_morale", amount = { 2, conf = "I" }, level = "minor",
          text = "the garrison loses heart; Abu Ubaidah must leave Emesa, as he left it before the Yarmuk" }
victory { side = "coalition", kind = "hold_place", place = "camp_north", level = "minor",
          text = "the Muslims are still shut up in Emesa: Heraclius has won the time he wanted" }
victory { side = "rashidun", kind = "hold_place", place = "emesa", level = "minor",
          text = "Emesa held, and the coalition's main camp broken" }

---------------------------------------------------------------------------
-- History notes, in our own words, with how sure we are.
---------------------------------------------------------------------------
note { id = "scale", title = "Scale", conf = "I", src = "history.md 0",
       text = "A hex is 250 m across and the battle map 10 by 7.5 km. A strength point is about 100 men and a counter about 500. A siege turn is four days; a sally or a battle is fought in impulses of about twenty minutes on the same map.",
       title_ar = "المقياس",
       text_ar = "عرض السداسية 250 م، وخريطة المعركة 10 في 7.5 كم. نقطة القوة نحو 100 رجل، والقطعة نحو 500. دور الحصار أربعة أيام؛ ويُقاتَل الخروج أو المعركة في دفعات من نحو عشرين دقيقة على الخريطة نفسها." }
note { id = "council", title = "The council in Emesa", conf = "A", src = "TB",
       text = "When the coalition approached, Abu Ubaidah called in his outposts and gathered his commanders. Khalid, just back from Qinnasrin, urged them to go out and fight at once; the others preferred to stay behind the walls and ask the caliph for help, and that view carried.",
       title_ar = "المجلس في حمص",
       text_ar = "لما اقترب التحالف استدعى أبو عبيدة مسالحه وجمع قادته. فحثّهم خالد، وقد عاد لتوّه من قنسرين، على الخروج والقتال فورًا؛ وآثر الآخرون البقاء خلف الأسوار وطلب العون من الخليفة، فغلب هذا الرأي." }
note { id = "letter", title = "A letter to Medina", conf = "D", src = "HA; IA",
       text = "A courier riding about 100 km a day needs some two weeks for the 1,450 km to Medina. Umar is said to have had the news on his way to the pilgrimage, and his orders then had to reach Kufa.",
       title_ar = "رسالة إلى المدينة",
       text_ar = "يحتاج رسول يقطع نحو 100 كم في اليوم إلى أسبوعين تقريبًا لقطع 1,450 كم إلى المدينة. ويُروى أن الخبر بلغ عمر وهو في طريقه إلى الحج، ثم كان على أوامره أن تبلغ الكوفة." }
note { id = "background", title = "Why Heraclius wanted a siege", conf = "A", src = "S1",
       text = "After the Yarmuk the emperor had few troops left for Syria. To win time to defend what remained of his empire, he needed the Muslims kept busy there, so he turned to the Christian Arab tribes of the Jazira, above all those of Circesium and Hit on the Euphrates. They gathered quickly and marched on Emesa, Abu Ubaidah's headquarters.",
       title_ar = "لماذا أراد هرقل حصارًا",
       text_ar = "بعد اليرموك لم يبق للإمبراطور في الشام إلا قليل من الجند. ولكي يكسب وقتًا للدفاع عما بقي من إمبراطوريته احتاج أن يُشغَل المسلمون هناك، فالتفت إلى القبائل العربية النصرانية في الجزيرة، وأولها أهل قرقيسياء وهيت على الفرات. فاجتمعوا سريعًا وزحفوا على حمص، مقرّ أبي عبيدة." }
note { id = "two_roads", title = "Umar's answer, by two roads", conf = "A", src = "S1; TB",
       text = "Umar answered on two fronts. He told Abu Ubaidah to send his own field commanders out of Emesa with detachments, to besiege the towns of the Jazira and draw the tribes away from the city. And he had Sa'd ibn Abi Waqqas, who had lately won Iraq, send help from Kufa: al-Qa'qa' with 4,000 men to Emesa, and columns into the Jazira by three roads. In the game Iyad's corps leaves Emesa when Umar's instructions come back (about turn 10), and Sa'd's columns leave Kufa when his orders arrive there (about turn 9).",
       title_ar = "جواب عمر، من طريقين",
       text_ar = "أجاب عمر على جبهتين. أمر أبا عبيدة أن يُخرج قادته الميدانيين من حمص مع مفارز ليحاصروا مدن الجزيرة ويصرفوا القبائل عن المدينة. وأمر سعد بن أبي وقاص، الذي فتح العراق حديثًا، أن يرسل العون من الكوفة: القعقاع في 4,000 رجل إلى حمص، وأرتالًا إلى الجزيرة من ثلاث طرق. وفي اللعبة يغادر فيلق عياض حمص حين تعود تعليمات عمر (نحو الدور 10)، وتغادر أرتال سعد الكوفة حين تبلغها أوامره (نحو الدور 9)." }
note { id = "kufa", title = "The answer from Kufa", conf = "A", src = "TB; S1",
       text = "Al-Qa'qa', who had fought at the Yarmuk and at Qadisiyya, set out for Emesa with 4,000 men the day the orders came. Suhayl ibn Adi followed the al-Farad road, up the Euphrates past the place where Khalid had fought in 634, until he reached Raqqa. Sayf names a third column, Abdallah ibn Itban's, sent to Nisibis; the seed account only says there were three roads.",
       title_ar = "الجواب من الكوفة",
       text_ar = "خرج القعقاع، الذي قاتل في اليرموك والقادسية، إلى حمص في 4,000 رجل يوم جاءت الأوامر. وسلك سهيل بن عدي طريق الفراض، صاعدًا مع الفرات مرورًا بالموضع الذي قاتل فيه خالد سنة 634، حتى بلغ الرقة. ويذكر سيف رتلًا ثالثًا، رتل عبد الله بن عتبان، أُرسل إلى نصيبين؛ والرواية الأصل لا تقول إلا إن الطرق كانت ثلاثًا." }
note { id = "hit", title = "The moat at Hit", conf = "A", src = "TB; S1",
       text = "Iyad ibn Ghanm's corps came first to Hit and found it well fortified: its people had dug a moat round the walls. Iyad left part of his men to besiege it and sent the rest on; the besiegers had a hard time until they got across the moat. In play the moat adds 5 to Hit's resistance on the first turn of the siege and one less each turn after, so Hit falls late, if at all, before the game ends.",
       title_ar = "خندق هيت",
       text_ar = "وصل فيلق عياض بن غنم أولًا إلى هيت فوجدها حصينة: قد حفر أهلها خندقًا حول الأسوار. فترك عياض بعض رجاله يحاصرونها وأرسل الباقين؛ ولقي المحاصِرون عناءً حتى عبروا الخندق. وفي اللعب يضيف الخندق 5 إلى مقاومة هيت في أول دور من الحصار وينقص واحدًا في كل دور بعده، فتسقط هيت متأخرة، إن سقطت، قبل نهاية اللعبة." }
note { id = "circesium", title = "Habib and the Corps of 'Amr", conf = "A", src = "S1; TB",
       text = "From Hit, Iyad sent Habib ibn Maslama al-Fihri on to Circesium with a Kilab division called the Corps of 'Amr, known for its fierceness, led by Aslam ibn Zur'a al-Kilabi with al-Harith ibn Yazid and his son Zufar. Circesium, which the seed account says was held by the Byzantines, fell without a fight. A column that arrives before the town has had news of it faces a much weaker resistance here.",
       title_ar = "حبيب وكتيبة عمرو",
       text_ar = "من هيت أرسل عياض حبيب بن مسلمة الفهري إلى قرقيسياء مع فرقة من كلاب تُدعى كتيبة عمرو، معروفة بشدتها، يقودها أسلم بن زرعة الكلابي ومعه الحارث بن يزيد وابنه زفر. وسقطت قرقيسياء، التي تقول الرواية الأصل إن الروم كانوا يحمونها، بلا قتال. والرتل الذي يصل قبل أن يبلغ المدينةَ خبرُه يلقى هنا مقاومة أضعف بكثير." }
note { id = "walid", title = "Walid ibn Uqba", conf = "A", src = "S1; TB",
       text = "Iyad then sent Walid ibn Uqba against the forts of the Rabi'a and Tanukh. The seed account has him sent by Iyad; Sayf has Sa'd send him from Kufa. One place in the Jazira stands for those forts, and the Rabi'a and the Tanukh worry for it as for a second home.",
       title_ar = "الوليد بن عقبة",
       text_ar = "ثم أرسل عياض الوليد بن عقبة إلى حصون ربيعة وتنوخ. في الرواية الأصل أرسله عياض؛ وعند سيف أرسله سعد من الكوفة. ويمثّل موضع واحد في الجزيرة تلك الحصون، وتقلق ربيعة وتنوخ عليه قلقها على دار ثانية." }
note { id = "raqqa", title = "Raqqa and its fields", conf = "A", src = "S1",
       text = "At Raqqa the Christian Arab nomads defended the villages outside the walls. Once the countryside was lost, the town's leaders, facing hunger, gave up within five or six days; from then on the Arabic sources call the town al-Raqqa. Each turn of siege lowers Raqqa's resistance by 1 here.",
       title_ar = "الرقة وحقولها",
       text_ar = "في الرقة دافع البدو العرب النصارى عن القرى خارج الأسوار. فلما ضاع الريف استسلم وجهاء المدينة، وقد واجهوا الجوع، في خمسة أيام أو ستة؛ ومنذ ذلك الحين تسمّي المصادر العربية المدينة الرقة. وكل دور من الحصار يُنقص مقاومة الرقة هنا بمقدار 1." }
note { id = "dispersal", title = "The coalition breaks up", conf = "A", src = "TB; MU; S1",
       text = "The news that their own lands were invaded, and that the caliph himself was coming, reached the camps before Emesa. The Jazirans left the siege and hurried home; Khalid urged Abu Ubaidah to sally, and the Muslims routed those who remained and pursued them.",
       title_ar = "تفكك التحالف",
       text_ar = "بلغ المعسكراتِ أمام حمص خبرُ أن ديارهم قد غُزيت، وأن الخليفة نفسه قادم. فترك أهل الجزيرة الحصار وأسرعوا إلى ديارهم؛ وحثّ خالد أبا عبيدة على الخروج، فهزم المسلمون من بقي وطاردوهم." }
note { id = "qaqa", title = "Three days late", conf = "A", src = "TB; S1",
       text = "Sayf says al-Qa'qa' reached Emesa three days after the battle; another account has him arrive first and join Khalid's pursuit. Here his column marches from Kufa at a forced pace and arrives about turn 14.",
       title_ar = "متأخرًا ثلاثة أيام",
       text_ar = "يقول سيف إن القعقاع بلغ حمص بعد المعركة بثلاثة أيام؛ وفي رواية أخرى وصل أولًا وانضم إلى مطاردة خالد. وهنا يسير رتله من الكوفة سيرًا حثيثًا ويصل نحو الدور 14." }
note { id = "umar", title = "The caliph on the road", conf = "A?", src = "S1; TB",
       text = "One account has Umar march from Medina with 1,000 men; Sayf brings him as far as al-Jabiya. When his coming is known, the garrison takes heart (+3 morale) and the coalition loses it.",
       title_ar = "الخليفة على الطريق",
       text_ar = "في رواية أن عمر خرج من المدينة في 1,000 رجل؛ ويبلغ به سيف الجابية. وحين يُعرف قدومه تقوى الحامية (+3 معنويات) ويفقد التحالف عزمه." }
note { id = "tanukh", title = "The Tanukh waver", conf = "A", src = "RF; IA",
       text = "The Tanukh of Qinnasrin had gone over to the coalition. During the siege they sent word that they would give way when the Muslims came out. In play, once the relief from Iraq is confirmed, the Tanukh lose their will to fight.",
       title_ar = "تنوخ تتردد",
       text_ar = "كانت تنوخ قنسرين قد انحازت إلى التحالف. وفي أثناء الحصار أرسلوا أنهم سينهزمون حين يخرج المسلمون. وفي اللعب، حين تتأكد النجدة من العراق، تفقد تنوخ رغبتها في القتال." }
note { id = "aftermath", title = "What followed", conf = "A", src = "S1; BLF",
       text = "The defence of Emesa broke the siege and opened the Jazira. Between the end of 639 and December 640 Iyad and his lieutenants took Circesium, Amid, Mayyafariqin, Nisibis, Tur Abdin, Mardin, Dara, Qarda and Bazabda, aiming, as one modern view has it, to take towns with as little destruction as possible. The caliphate then pushed north towards Armenia. The game's counter-sieges are the first steps of that campaign.",
       title_ar = "ما تلا ذلك",
       text_ar = "كسر الدفاع عن حمص الحصار وفتح الجزيرة. وبين أواخر 639 وكانون الأول 640 أخذ عياض ونوّابه قرقيسياء وآمد وميافارقين ونصيبين وطور عبدين وماردين ودارا وقردى وبازبدى، قاصدين، كما يرى رأي حديث، أخذ المدن بأقل ما يمكن من الخراب. ثم دفعت الخلافة شمالًا نحو أرمينية. والحصارات المضادة في اللعبة هي أولى خطوات تلك الحملة." }
note { id = "numbers", title = "How many?", conf = "I", src = "history.md 1b, 3",
       text = "No source gives the size of the garrison. Sayf speaks of 30,000 Jazirans besides the Tanukh, a figure later historians distrust. The 9,000 defenders and 20,000 besiegers here are choices for play.",
       title_ar = "كم كانوا؟",
       text_ar = "لا يذكر أي مصدر عدد الحامية. ويتحدث سيف عن 30,000 من أهل الجزيرة سوى تنوخ، وهو رقم يرتاب فيه المؤرخون اللاحقون. والمدافعون التسعة آلاف والمحاصِرون العشرون ألفًا هنا اختيارات للعب." }

---------------------------------------------------------------------------
-- Disputed points, side by side for the classroom.
---------------------------------------------------------------------------
dispute { id = "date", title = "When was the second siege?", versions = {
  { text = "Late 637, in the month of Dhu al-Qa'da of the year 16.", src = "IA" },
  { text = "638, the year 17.", src = "TB; MU; S1" } } }
dispute { id = "where", title = "Where did the Muslims wait?", turn = 2, versions = {
  { text = "Abu Ubaidah withdrew into the city and waited behind its walls.", src = "S1" },
  { text = "They camped and dug in on the open ground before the city.", src = "TB; IA" } } }
dispute { id = "sequence", title = "Al-Qa'qa' before or after the battle?", turn = 13, versions = {
  { text = "Al-Qa'qa' joined Khalid, who then pursued the coalition.", src = "S1" },
  { text = "He arrived three days after the victory.", src = "TB" },
  { text = "The enemy had already dispersed before he came.", src = "MU" } } }
dispute { id = "coalition", title = "Who besieged Emesa?", turn = 2, versions = {
  { text = "Christian Arabs of the Jazira only, from Hit and Circesium.", src = "S1" },
  { text = "Arabs with a Byzantine landing from the sea, while Antioch and Qinnasrin rose.", src = "MU; IA" },
  { text = "30,000 Jazirans besides the Tanukh.", src = "IA (Sayf)" } } }
dispute { id = "hit_circesium", title = "When did Hit and Circesium fall?", turn = 13, versions = {
  { text = "To Umar ibn Malik's column from Kufa, in 637.", src = "TB; MU p.121" },
  { text = "To Habib ibn Maslama under Iyad, in the year 19.", src = "BL p.275" },
  { text = "Circesium probably only in 640.", src = "Streck, in S1" },
  { text = "During the siege of Emesa, to Iyad's corps: Hit after a hard siege across its moat, Circesium to Habib without a fight (the game follows this).", src = "S1" } } }
dispute { id = "who_sent", title = "Whose men took the Jazira towns?", turn = 10, versions = {
  { text = "Abu Ubaidah's commanders: Iyad ibn Ghanm's corps, with Habib ibn Maslama and Walid ibn Uqba under him (the game follows this).", src = "S1" },
  { text = "Columns Sa'd sent from Kufa: Suhayl to Raqqa, Abdallah ibn Itban to Nisibis, Walid ibn Uqba to the Rabi'a and Tanukh, with Iyad over them all.", src = "TB" } } }
dispute { id = "iyad_bought", title = "Was Iyad bought off?", turn = 13, versions = {
  { text = "John Kateas of Osroene paid Iyad 100,000 nomismata to spare his land, and Heraclius exiled him for it.", src = "CED" },
  { text = "The Arabic accounts tell of towns taken on terms, not of tribute that halted the campaign.", src = "BL; S1" } } }
dispute { id = "four_thousand", title = "What were the 4,000?", turn = 9, versions = {
  { text = "Four thousand men under al-Qa'qa'.", src = "TB; S1" },
  { text = "Kufa's reserve of 4,000 horses, kept for such emergencies.", src = "TB" } } }
dispute { id = "umar_1000", title = "Did the caliph march with 1,000?", turn = 6, versions = {
  { text = "Umar marched from Medina with 1,000 men.", src = "S1" },
  { text = "Umar went to al-Jabiya; no number is given.", src = "TB" } } }
dispute { id = "bias", title = "How far to trust Sayf?", versions = {
  { text = "Sayf ibn Umar, Tabari's source here, exaggerated and distorted; the letters and speeches are literary.", src = "BKS" },
  { text = "His outline - council, letter, counter-sieges, dispersal - is followed by Muir and the modern summaries.", src = "MU; S1" } } }

---------------------------------------------------------------------------
-- The chronicle: the recorded course of decisions, as a plan per side.
-- The built-in player issues these orders on these turns and handles the
-- details itself. Orders are command texts or the plan words sally <gate>,
-- storm <gate>, feint <gate>, hold, wait, pursue and sortie
-- (scenarios/README.md).
---------------------------------------------------------------------------
chronicle { side = "rashidun", turn = 1, order = "hold", src = "TB",
            note = "The council overrules Khalid: the army stays behind the walls and writes to Umar.",
            note_ar = "يخالف المجلس رأي خالد: يبقى الجيش خلف الأسوار ويكتب إلى عمر." }
chronicle { side = "coalition", turn = 1, order = "wait", src = "TB; S1",
            note = "The coalition invests the city and camps before its gates; no assault is recorded.",
            note_ar = "يطوّق التحالف المدينة ويعسكر أمام بواباتها؛ ولا يُروى هجوم." }
chronicle { side = "coalition", turn = 1, order = "alert rastan on", src = "I",
            note = "The camps before the gates stand guard against a sally.",
            note_ar = "تقف المعسكرات أمام البوابات حذرًا من خروج." }
chronicle { side = "rashidun", turn = 2, order = "wait", src = "TB",
            note = "The letter leaves for Medina.",
            note_ar = "تنطلق الرسالة إلى المدينة المنورة." }
if not option("no-counter-siege") then
chronicle { side = "rashidun", turn = 11, order = "send-column hit hit mounted", src = "S1; TB",
            note = "Iyad's corps rides for Hit by Tadmur and the desert track, Habib and Walid with it; from Kufa Sa'd's columns ride into the Jazira by separate roads, their goals kept secret.",
            note_ar = "يسير فيلق عياض إلى هيت عن طريق تدمر ودرب البادية، ومعه حبيب والوليد؛ ومن الكوفة تدخل أرتال سعد الجزيرة من طرق متفرقة، ووجهاتها مكتومة." }
end
chronicle { side = "coalition", turn = 13, order = "release hit_arabs", src = "TB; S1",
            note = "News that Hit is besieged: its Arabs hurry home.",
            note_ar = "خبر حصار هيت: يسرع عربها إلى ديارهم." }
chronicle { side = "coalition", turn = 13, order = "release rabia", src = "TB; MU",
            note = "Rabi'a hears of the columns on the Euphrates and leaves for Circesium.",
            note_ar = "تسمع ربيعة بالأرتال على الفرات فترحل إلى قرقيسياء." }
chronicle { side = "coalition", turn = 14, order = "release iyad_namir", src = "TB; MU",
            note = "Iyad and Namir follow, fearing for Raqqa and Harran.",
            note_ar = "وتتبعها إياد والنمر خوفًا على الرقة وحران." }
chronicle { side = "rashidun", turn = 13, order = "sally rastan", src = "TB; MU",
            note = "Khalid urges a sally now that the enemy is thinning; Abu Ubaidah agrees and the army goes out.",
            note_ar = "يحثّ خالد على الخروج وقد قلّ العدو؛ فيوافق أبو عبيدة ويخرج الجيش." }
chronicle { side = "rashidun", turn = 14, order = "pursue", src = "TB; S1",
            note = "The Muslims rout those who stayed, and Khalid's horse pursue them.",
            note_ar = "يهزم المسلمون من بقي، وتطاردهم خيل خالد." }
chronicle { side = "rashidun", turn = 15, order = "pursue", src = "S1",
            note = "The pursuit goes on, joined by al-Qa'qa''s men.",
            note_ar = "تستمر المطاردة، وينضم إليها رجال القعقاع." }
chronicle { side = "rashidun", turn = 16, order = "pursue", src = "S1",
            note = "The remnants are cut off from the Jazira.",
            note_ar = "تُقطع البقايا عن الجزيرة." }

---------------------------------------------------------------------------
-- Events. Handlers act only through emesa.* (see scenarios/README.md).
---------------------------------------------------------------------------

local narrative = {
  [1] = "Council in Emesa: Khalid would fight in the open, but the council resolves to hold the walls and write to Umar. The Tanukh of Qinnasrin have gone over to the coalition.",
  [2] = "A courier leaves for Medina with Abu Ubaidah's letter.",
  [6] = "Umar, on the road to the pilgrimage, reads the letter and writes to Kufa.",
  [9] = "Umar's orders reach Sa'd in Kufa: al-Qa'qa' leaves the same day with 4,000 men, Suhayl ibn Adi takes the al-Farad road for Raqqa and Abdallah ibn Itban rides for Nisibis.",
  [10] = "Umar's instructions reach Abu Ubaidah: send your commanders against the tribes' homes. Iyad ibn Ghanm rides out with Habib ibn Maslama, the Kilab 'Corps of Amr' and Walid ibn Uqba.",
}

-- What the counter-sieges looked like, told as they happen [A: S1; TB].
local theatre_news = {
  { "corps lays siege to Hit", "rashidun",
    "Iyad finds Hit ready for him: its people have dug a moat round the walls. He leaves part of his corps to besiege it and sends the rest on up the Euphrates." },
  { "Hit falls to Iyad", nil, "Iyad's men have got across the moat: Hit is taken." },
  { "passes Hit and goes on for Circesium", "rashidun",
    "Habib ibn Maslama rides on for Circesium with the Kilab 'Corps of Amr' - Aslam ibn Zur'a al-Kilabi, al-Harith ibn Yazid and his son Zufar, men known for their fierceness." },
  { "Circesium (Qarqisiya) falls to Habib", nil, "Circesium opens to Habib ibn Maslama." },
  { "passes Hit and goes on for Forts", "rashidun", "Iyad sends Walid ibn Uqba against the forts of the Rabi'a and Tanukh." },
  { "Forts of Rabi'a and Tanukh falls to Walid", nil, "Walid ibn Uqba has taken the forts of the Rabi'a and Tanukh." },
  { "Suhayl ibn Adi's column (from Sa'd) lays siege to Raqqa", nil,
    "Suhayl's men hold the villages round Raqqa; the nomads who defended them are driven off, and the town begins to go hungry." },
  { "Raqqa (Kallinikos) falls to", nil,
    "Raqqa's leaders, facing starvation, give the town up after five or six days. Kallinikos is al-Raqqa from now on." },
}

local tanukh_wavered = false
local sallied = false        -- the garrison has gone out

local coalition_units = {}
for _, c in ipairs({ { "rabia_horse", 4 }, { "rabia_camel", 4 }, { "rabia_foot", 4 }, { "iyad_camel", 3 },
                     { "iyad_horse", 2 }, { "namir_foot", 3 }, { "hit_horse", 2 }, { "hit_foot", 4 },
                     { "byz_cav", 3 }, { "byz_foot", 3 }, { "tanukh_horse", 4 }, { "tanukh_foot", 4 } }) do
  for i = 1, c[2] do coalition_units[#coalition_units + 1] = c[1] .. "_" .. i end
end

local function coalition_on_map()
  local n = 0
  for _, id in ipairs(coalition_units) do
    local u = emesa.unit(id)
    if u and u.status == "on_map" then n = n + 1 end
  end
  return n
end

local function gone(ids)
  local n = 0
  for _, id in ipairs(ids) do
    local c = emesa.contingent(id)
    if c and c.departed then n = n + 1 end
  end
  return n
end

local jazirans = { "rabia", "iyad_namir", "hit_arabs", "tanukh" }

on("turn", function(ev)
  local text = narrative[ev.turn]
  if text then emesa.message(text) end
  -- The caliph's coming is the core rule of his "caliph" trait: known
  -- caliph_news_turns after his column sets out, +3 / -2 morale
  -- [history.md 1b; scenarios/README.md, Leader traits].
  -- A camp whose contingent has gone stands empty.
  if coalition_on_map() == 0 and emesa.owner("camp_north") == "coalition" then
    emesa.set_owner("camp_north", nil)
  end
  -- A coalition that has lost heart no longer holds the Muslims in: its
  -- chiefs drift away from the main camp, and Heraclius has not won his
  -- time [A: TB, MU that the Jazirans dispersed; threshold I, as for the
  -- garrison's own "loses heart" at 2].
  if emesa.morale_of("coalition") <= 2 and emesa.owner("camp_north") == "coalition" then
    emesa.set_owner("camp_north", nil)
    emesa.message("The coalition has lost heart: its chiefs drift away from the camp of the Rabi'a.")
  end
  -- The historical outcome: Emesa held, most of the Jazirans gone home, the
  -- garrison out in a sally and the rest broken: at least 15 SP lost
  -- [A: TB, MU; thresholds I, history.md 1b].
  local sp_lost = emesa.losses("coalition")
  if emesa.owner("emesa") == "rashidun" and sallied and gone(jazirans) >= 3 and sp_lost >= 15 then
    local won = 0
    for _, p in ipairs({ "hit", "circesium", "raqqa" }) do
      local t = emesa.theatre(p)
      if t and t.owner == "rashidun" then won = won + 1 end
    end
    emesa.end_game("rashidun", "historical",
      "Emesa held, the coalition dispersed and broken in Khalid's pursuit" ..
      (won > 0 and (", and " .. won .. " of Hit, Circesium and Raqqa taken") or "") .. ", as in 638")
  end
end)

-- The Tanukh's offer: once the relief from Iraq is confirmed, the Tanukh
-- send word that they will give way when the Muslims come out [A: RF]:
-- their counters lose the will to fight (cohesion 3, shaken).
on("arrival-news", function(ev)
  if tanukh_wavered or ev.side ~= "rashidun" or not ev.text:find("confirmed", 1, true) then return end
  local t = emesa.contingent("tanukh")
  if not t or t.departed then return end
  tanukh_wavered = true
  emesa.message("The Tanukh send word to Khalid: when you come out, we will give way.")
  for i = 1, 4 do
    for _, id in ipairs({ "tanukh_horse_" .. i, "tanukh_foot_" .. i }) do
      local u = emesa.unit(id)
      if u and u.status == "on_map" and u.cohesion > 3 then emesa.damage(id, 0, u.cohesion - 3) end
    end
  end
end)

on("counter-siege", function(ev)
  for _, n in ipairs(theatre_news) do
    if ev.text:find(n[1], 1, true) then emesa.message(n[3], n[2]) end
  end
end)
on("theatre", function(ev)
  for _, n in ipairs(theatre_news) do
    if ev.text:find(n[1], 1, true) then emesa.message(n[3], n[2]) end
  end
end)

-- The end of the story, whatever the game's [A: S1].
on("game-over", function(ev)
  emesa.message("What followed: between the end of 639 and December 640 Iyad ibn Ghanm and his lieutenants took, one after another, Circesium, Amid, Mayyafariqin, Nisibis, Tur Abdin, Mardin, Dara, Qarda and Bazabda, mostly on terms. With the Jazira won, the caliphate pushed on north towards Armenia.")
end)

-- Remember the garrison's sallies: the historical outcome needs one.
on("battle", function(ev)
  if ev.initiator == "rashidun" and ev.text:find("sallies", 1, true) then sallied = true end
end)

-- The relief column reaches the field.
on("arrival", function(ev)
  if ev.unit == "qaqa_1" then
    emesa.message("Al-Qa'qa' arrives from Iraq by the Palmyra road.", "rashidun")
    emesa.morale("rashidun", 2, "al-Qa'qa' has come")
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

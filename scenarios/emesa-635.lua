-- emesa-635.lua - "Every cold day": the winter siege of Emesa,
-- December 635 - March 636.
--
-- Scenario A of the design brief (shared/design/history.md, section 1a,
-- after the chronology of Akram and the Wikipedia article, seed 000). Abu
-- Ubaidah's army, with Khalid's Mobile Guard, blockades Emesa through the
-- winter. Heraclius has told Harbees, the city's governor, to fight the
-- Arabs on every cold day: men who live on camel's flesh and milk will
-- not last a Syrian winter. They do. In mid-March Harbees sallies with
-- 5,000 by the Rastan gate, is drawn out by a feigned withdrawal and
-- destroyed; the city capitulates on terms.
--
-- Tags as in emesa-638.lua: { value, conf = "A"|"D"|"I"|"A?", src = ... }.
-- Scale [history.md 0]: 26 turns of 4 days; hexes of 250 m; one strength
-- point is 100 men, a counter about 500 (5 SP).

---------------------------------------------------------------------------
-- The scenario itself
---------------------------------------------------------------------------
scenario {
  format = 1,
  id = "emesa-635",
  title = "Every cold day: Emesa, winter 635-636",
  briefing = [[
After Damascus, Abu Ubaidah turns north. A truce with Emesa is void now
that the city has been reinforced; Khalid's Mobile Guard drives the garrison
back inside, and the army camps before the four gates. Harbees, the
governor, has his emperor's word that the Arabs will not last the winter.

As the Rashidun: keep the blockade through the cold without losing heart,
offer terms at the right moment, and meet the sally when it comes. As the
Byzantines: sortie on the cold days, husband the food, and choose the day
to go out in strength - or hold out on the hope of Heraclius's new army.]],
  title_ar = "كل يوم بارد: حمص، شتاء 635-636",
  briefing_ar = [[
بعد دمشق يتجه أبو عبيدة شمالًا. هدنة حمص باطلة الآن
بعد أن عُزّزت المدينة؛ فيردّ حرس خالد المتنقل الحامية إلى الداخل،
ويعسكر الجيش أمام البوابات الأربع. وهربيس، الوالي، يحمل وعد
إمبراطوره بأن العرب لن يصمدوا للشتاء.

بصفتك الراشدين: حافظ على الحصار في البرد دون أن تفتر العزيمة،
واعرض الشروط في الوقت المناسب، وتصدَّ للخروج حين يأتي. وبصفتك
الروم: اخرج في الأيام الباردة، واقتصد في المؤن، واختر يوم الخروج
بقوة - أو اصمد على أمل جيش هرقل الجديد.]],
  turns = { 26, conf = "D", src = "history.md 1a (15 Dec 635 - mid-March 636)" },
  start = "15 Dec 635",          -- [A: AK, WE]
  first_side = "rashidun",       -- the besiegers move first each turn
  town = "emesa",                -- held by the Byzantines
}

---------------------------------------------------------------------------
-- What-if switches (scenarios/README.md, "What-if switches"). Each is off
-- unless asked for (emesa --option ID, or a save that records it); the
-- file says below, at `option("...")`, what each one changes.
---------------------------------------------------------------------------
whatif { id = "no-feint", label = "No feint",
         text = "Khalid has no feint trait: the Rashidun cannot draw a sally out by a feigned withdrawal." }
whatif { id = "no-heraclius-hope", label = "No hope of relief",
         text = "Heraclius promises nothing: the garrison has no hope of relief to weigh against terms, and spring breaks no promise." }
whatif { id = "no-sally", label = "No sally",
         text = "The garrison stays behind its walls: it may not attack out of the town (sally_allowed = 0)." }
whatif { id = "no-cold", label = "A mild winter",
         text = "The winter is as mild as March: fewer cold and frosty days for Heraclius's cold-day strategy." }

---------------------------------------------------------------------------
-- The siege rules (core/siege.h): the proposals of history.md section 2.
---------------------------------------------------------------------------
siege {
  historical = true,
  civic_will = { 6, conf = "I" },   -- the townspeople and their elders [A: TB for the faction]
  rules = {
    weather_winter = option("no-cold") and { mild = 6, cold = 8, rain = 10, frost = 10 }  -- what-if: as March
                     or { mild = 4, cold = 7, rain = 9, frost = 10 },  -- d10 [I; CL]
    sally_allowed = option("no-sally") and 0 or 1,                 -- what-if: no sally [A: AK that there was one]
    weather_other  = { mild = 6, cold = 8, rain = 10, frost = 10 }, -- March: still cool [I]
    winter_months  = { "dec", "jan", "feb" },
    ford_closed_max = { 3, conf = "I", src = "history.md 2.10" },
    gate_throughput = { 10, conf = "I", src = "history.md 2.6" },
    shift_surprise = { 2, conf = "I", src = "history.md 2.6" },
    consumption_pct = { full = 100, half = 50, expel = 60 },        -- [I, history.md 2.4]
    leak_per_gate = { 2, conf = "I", src = "history.md 2.4" },
    forage_per_turn = { 4, conf = "I" }, forage_winter_pct = { 50, conf = "I", src = "history.md 2.4" },
    terms_bonus = { none = 0, generous = 3, harsh = -3 },          -- [I: BL's template, history.md 2.11]
    terms_leader_bonus = { 2, conf = "I", src = "history.md 1a (Abu Ubaidah trusted)" },
    surrender_target = { 10, conf = "I", src = "history.md 2.11" },
    veto_morale = { 12, conf = "I", src = "history.md 1a (Harbees vetoes above 6 of 10)" },
    betrayal_will = { 2, conf = "I", src = "history.md 2.11" }, betrayal_max = { 3, conf = "I", src = "history.md 2.11" },
    -- Heraclius's hope: he is mustering the army that will fight at the
    -- Yarmuk [A: KEN]; it never came to Emesa. From the spring the
    -- garrison's hope of relief grows a point a turn, each point taking
    -- hope_weight (2) off the surrender score [history.md 1a; max I].
    hope_from = option("no-heraclius-hope") and 0                  -- what-if: no hope at all
                or { 20, conf = "A", src = "history.md 1a" },
    hope_per_turn = { 1, conf = "I", src = "history.md 1a" },
    hope_max = { 3, conf = "I" },
  },
}

rules {
  stack_limit = { 3, conf = "I", src = "history.md 2" },
  siege_mp_mult = { 3, conf = "I" },
  days_per_turn = { 4, conf = "I", src = "history.md 1a" },
  move_cost = {
    orchard = { foot = 4, horse = 4 },
    basalt  = { foot = 4, horse = 6 },
    ford    = { foot = 6, horse = 6 },
  },
}

---------------------------------------------------------------------------
-- Sides and stores. The city has food for 92 days for its 33,000 mouths
-- [I]: at full rations it runs out on turn 24, in mid-March [A: AK]; a
-- garrison that stretches it (half rations, expelling the townspeople)
-- pays in the townspeople's will. history.md proposed 100 days; with 100
-- a garrison that never stretched its food was still fed on the last
-- turn, and no one had to treat. 92 was tuned on 100 seeded AI-vs-AI
-- games a level (88: the Rashidun won 68 % at level 2; 92: 35 %, and 47 %
-- at level 3). The besiegers live off a country they hold, poorly in
-- winter.
---------------------------------------------------------------------------
side { id = "rashidun", name = "Rashidun", morale = { 14, conf = "I" },
       food = { 30, conf = "I" }, rations = "full", forages = true }
side { id = "byzantine", name = "Byzantine garrison", morale = { 13, conf = "I" },
       food = { 92, conf = "I", src = "history.md 1a; AK (running low by mid-March)" }, rations = "full" }

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
-- Places. The Rashidun camp before each gate [A: AK]; units within two
-- hexes of a camp shelter in tents.
---------------------------------------------------------------------------
place { id = "emesa", name = "Emesa (Homs)", at = "23,11", owner = "byzantine", value = 10 }
place { id = "tell", name = "The tell", at = "21,13", owner = "byzantine", value = 2 }
place { id = "camp_rastan", name = "Camp before the Rastan gate", at = "23,6", owner = "rashidun", camp = true }
place { id = "camp_jabal", name = "Camp before the Jabal gate", at = "28,8", owner = "rashidun", camp = true }
place { id = "camp_saghir", name = "Camp before the Saghir gate", at = "28,12", owner = "rashidun", camp = true }
place { id = "camp_sham", name = "Camp before the Sham gate", at = "23,16", owner = "rashidun", camp = true }
place { id = "camp_main", name = "Abu Ubaidah's camp", at = "26,15", owner = "rashidun", camp = true }
place { id = "camp_guard", name = "Camp of the Mobile Guard", at = "27,4", owner = "rashidun", camp = true }

-- The four Roman gates [A: GT], placed from their later positions [D].
gate { id = "rastan", name = "Rastan gate", at = "23,9", state = "shut" }
gate { id = "tadmur", name = "Jabal (Tadmur) gate", at = "25,9", state = "shut" }
gate { id = "saghir", name = "Saghir (Dreib) gate", at = "25,11", state = "shut" }
gate { id = "sham", name = "Sham (Damascus) gate", at = "22,13", state = "shut" }

---------------------------------------------------------------------------
-- The Rashidun: 15,000 [A?: the Wikipedia infobox, no primary source
-- traced], thirty counters.
---------------------------------------------------------------------------
-- Khalid's Mobile Guard, 4,000 horse [A: RC, its size at formation]: the reserve, north-east
unit { id = "guard_1", name = "Mobile Guard I", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "27,4" }
unit { id = "guard_2", name = "Mobile Guard II", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "27,4" }
unit { id = "guard_3", name = "Mobile Guard III", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "27,3" }
unit { id = "guard_4", name = "Mobile Guard IV", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "27,3" }
unit { id = "guard_5", name = "Mobile Guard V", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "26,4" }
unit { id = "guard_6", name = "Mobile Guard VI", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "26,4" }
unit { id = "guard_7", name = "Mobile Guard VII", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "28,4" }
unit { id = "guard_8", name = "Mobile Guard VIII", side = "rashidun", type = "light_cav", quality = "elite", sp = { 5, conf = "A", src = "RC" }, at = "28,4" }
-- Before the Rastan gate, the largest group [A: AK]: 4,500 [I]
unit { id = "rastan_1", name = "Rastan group I", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,6" }
unit { id = "rastan_2", name = "Rastan group II", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,6" }
unit { id = "rastan_3", name = "Rastan group III", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,5" }
unit { id = "rastan_4", name = "Rastan group IV", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,5" }
unit { id = "rastan_5", name = "Rastan group V", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "22,6" }
unit { id = "rastan_6", name = "Rastan group VI", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "22,6" }
unit { id = "rastan_7", name = "Rastan group VII", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "24,6" }
unit { id = "rastan_8", name = "Rastan group VIII", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "24,6" }
unit { id = "rastan_9", name = "Rastan group IX", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "22,7" }
-- Before the Jabal gate, 2,000 [I]
unit { id = "jabal_1", name = "Jabal group I", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "28,8" }
unit { id = "jabal_2", name = "Jabal group II", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "28,8" }
unit { id = "jabal_3", name = "Jabal group III", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "27,7" }
unit { id = "jabal_4", name = "Jabal group IV", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "27,7" }
-- Before the Saghir gate, 2,000 [I]
unit { id = "saghir_1", name = "Saghir group I", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "28,12" }
unit { id = "saghir_2", name = "Saghir group II", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "28,12" }
unit { id = "saghir_3", name = "Saghir group III", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "27,11" }
unit { id = "saghir_4", name = "Saghir group IV", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "27,11" }
-- Before the Sham gate, 2,000 [I], with Mu'adh's 500 horse [A: AK, PW]
unit { id = "sham_1", name = "Sham group I", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,16" }
unit { id = "sham_2", name = "Sham group II", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,16" }
unit { id = "sham_3", name = "Sham group III", side = "rashidun", type = "infantry", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,15" }
unit { id = "muadh_horse", name = "Mu'adh's horse", side = "rashidun", type = "light_cav", quality = "veteran", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,15" }
-- In the main camp, 500 [I]
unit { id = "camp_guard", name = "Camp guard", side = "rashidun", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "26,15" }

---------------------------------------------------------------------------
-- The Byzantine garrison: 8,000 [A?: WE].
---------------------------------------------------------------------------
-- The sally force, 5,000, largely mounted [A: AK]: ten counters, the horse
-- at the gates and the foot on the north wall.
unit { id = "harbees_cav_1", name = "Harbees's horse I", side = "byzantine", type = "heavy_cav", quality = "veteran", sp = { 5, conf = "A", src = "AK" }, at = "23,9" }
unit { id = "harbees_cav_2", name = "Harbees's horse II", side = "byzantine", type = "heavy_cav", quality = "veteran", sp = { 5, conf = "A", src = "AK" }, at = "23,9" }
unit { id = "harbees_cav_3", name = "Harbees's horse III", side = "byzantine", type = "heavy_cav", quality = "veteran", sp = { 5, conf = "A", src = "AK" }, at = "25,9" }
unit { id = "harbees_cav_4", name = "Harbees's horse IV", side = "byzantine", type = "heavy_cav", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "25,9" }
unit { id = "harbees_cav_5", name = "Harbees's horse V", side = "byzantine", type = "heavy_cav", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "25,11" }
unit { id = "harbees_lt_1", name = "Light horse I", side = "byzantine", type = "light_cav", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "21,10" }
unit { id = "harbees_lt_2", name = "Light horse II", side = "byzantine", type = "light_cav", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "25,10" }
unit { id = "harbees_lt_3", name = "Light horse III", side = "byzantine", type = "light_cav", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "25,12" }
unit { id = "sally_foot_1", name = "Sally foot I", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "23,13" }
unit { id = "sally_foot_2", name = "Sally foot II", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "A", src = "AK" }, at = "24,13" }
-- On the walls, 3,000 [I]: six counters; and two counters of townsmen [I]
-- in the streets.
unit { id = "wall_1", name = "Wall guard I", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "22,9" }
unit { id = "wall_2", name = "Wall guard II", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "24,9" }
unit { id = "wall_3", name = "Wall guard III", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "21,10" }
unit { id = "wall_4", name = "Wall guard IV", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "25,10" }
unit { id = "wall_5", name = "Wall guard V", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "21,12" }
unit { id = "wall_6", name = "Wall guard VI", side = "byzantine", type = "infantry", quality = "regular", sp = { 5, conf = "I", src = "history.md 1a" }, at = "25,12" }
unit { id = "militia_1", name = "Townsmen of Emesa I", side = "byzantine", type = "militia", quality = "levy", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,11" }
unit { id = "militia_2", name = "Townsmen of Emesa II", side = "byzantine", type = "militia", quality = "levy", sp = { 5, conf = "I", src = "history.md 1a" }, at = "23,12" }

---------------------------------------------------------------------------
-- Leaders [ratings I; traits from history.md 1a].
---------------------------------------------------------------------------
leader { id = "abu_ubaidah", name = "Abu Ubaidah ibn al-Jarrah", side = "rashidun", command = 4, initiative = 2, tactics = 3,
         traits = { "trusted", "council" }, with = "camp_guard" }
leader { id = "khalid", name = "Khalid ibn al-Walid", side = "rashidun", command = 4, initiative = 5, tactics = 5,
         traits = option("no-feint") and { "sword", "impetuous" } or { "sword", "feint", "impetuous" }, with = "guard_1" }
leader { id = "muadh", name = "Mu'adh ibn Jabal", side = "rashidun", command = 3, initiative = 3, tactics = 3,
         with = "muadh_horse" }
leader { id = "al_simt", name = "al-Simt ibn al-Aswad", side = "rashidun", command = 2, initiative = 2, tactics = 2,
         traits = { "negotiator" } }
leader { id = "harbees", name = "Harbees, governor of Emesa", side = "byzantine", command = 3, initiative = 4, tactics = 3,
         traits = { "glory_seeker" }, with = "harbees_cav_1" }

---------------------------------------------------------------------------
-- Victory [history.md 1a], tried in this order at the end of each turn.
---------------------------------------------------------------------------
victory { side = "rashidun", kind = "surrender", level = "historical",
          also = { { kind = "destroy_sp", amount = { 40, conf = "D", src = "AK: most of the 5,000 who sallied" } } },
          text = "Harbees's field force is destroyed and the city capitulates on terms, as in March 636" }
victory { side = "rashidun", kind = "surrender", level = "major",
          text = "the city capitulates on terms with its field force still whole" }
victory { side = "rashidun", kind = "take_place", place = "emesa", level = "minor",
          text = "Emesa is stormed - at a cost to the army's name, as was argued after Damascus" }
victory { side = "byzantine", kind = "enemy_morale", amount = { 4, conf = "I", src = "history.md 1a" }, level = "major",
          text = "the besiegers lose heart and raise the siege" }
victory { side = "byzantine", kind = "hold_place", place = "emesa", level = "minor",
          text = "Emesa holds through the winter" }

---------------------------------------------------------------------------
-- History notes, in our own words.
---------------------------------------------------------------------------
note { id = "scale", title = "Scale", conf = "I", src = "history.md 0",
       text = "A hex is 250 m across and the map 10 by 7.5 km. A strength point is about 100 men and a counter about 500. A siege turn is four days; a sally or a battle is fought in impulses of about twenty minutes on the same map.",
       title_ar = "المقياس",
       text_ar = "عرض السداسية 250 م، والخريطة 10 في 7.5 كم. نقطة القوة نحو 100 رجل، والقطعة نحو 500. دور الحصار أربعة أيام؛ ويُقاتَل الخروج أو المعركة في دفعات من نحو عشرين دقيقة على الخريطة نفسها." }
note { id = "before", title = "Why Emesa first", conf = "A", src = "S0",
       text = "Damascus had fallen in September 634 after a long siege, and Muslim raiders had since ridden through the towns of the Orontes: Arethusa (al-Rastan), Hama, Shaizar, Apamea and Ma'arra. Before going deeper into northern Syria, Abu Ubaidah chose to take Emesa and so clear his rear. When his army arrived, Khalid's Mobile Guard fought a short battle with the garrison before the siege began.",
       title_ar = "لماذا حمص أولًا",
       text_ar = "سقطت دمشق في أيلول 634 بعد حصار طويل، وجالت غارات المسلمين منذ ذلك الحين في مدن العاصي: أريثوسا (الرستن) وحماة وشيزر وأفامية والمعرة. وقبل التوغل في شمال الشام اختار أبو عبيدة أن يأخذ حمص ليؤمّن ظهره. ولما وصل جيشه خاض حرس خالد المتنقل معركة قصيرة مع الحامية قبل بدء الحصار." }
note { id = "alliance", title = "Two emperors against one caliph", conf = "A", src = "S2",
       text = "In 635 the Persian king Yazdegerd III sought an alliance with Heraclius and married into his family. The plan was for both to strike at once - Heraclius in Syria, Yazdegerd in Iraq - and drive the Muslims out. While Emesa held out, Heraclius was gathering the army that would meet the Muslims at the Yarmuk; this is the relief the garrison hoped for.",
       title_ar = "إمبراطوران في وجه خليفة",
       text_ar = "في 635 سعى ملك الفرس يزدجرد الثالث إلى التحالف مع هرقل وصاهره. وكانت الخطة أن يضربا معًا - هرقل في الشام ويزدجرد في العراق - فيُخرجا المسلمين. وبينما صمدت حمص كان هرقل يجمع الجيش الذي سيلقى المسلمين في اليرموك؛ وهذه هي النجدة التي رجتها الحامية." }
note { id = "cold", title = "Every cold day", conf = "A", src = "TB; AK",
       text = "Heraclius is said to have written to Harbees that men who lived on camel's flesh and milk would not survive the Syrian winter, and told him to fight them on every cold day. There were skirmishes morning and evening through the winter, and the besiegers did not break.",
       title_ar = "كل يوم بارد",
       text_ar = "يُروى أن هرقل كتب إلى هربيس أن قومًا طعامهم لحم الإبل وألبانها لن يصمدوا لشتاء الشام، وأمره أن يقاتلهم في كل يوم بارد. فكانت مناوشات صباحًا ومساءً طوال الشتاء، ولم ينكسر المحاصِرون." }
note { id = "frost", title = "Frozen feet", conf = "A", src = "TB",
       text = "Sayf tells of Romans who came out in the frost and lost their feet inside their boots, while the Arabs in their sandals did not - a story told to make a point, and one of several in his account.",
       title_ar = "أقدام متجمدة",
       text_ar = "يروي سيف أن رومًا خرجوا في الصقيع فسقطت أقدامهم في أحذيتهم، بينما لم يصب العربَ في نعالهم شيء - حكاية تُروى لغرض، وهي واحدة من عدة حكايات في روايته." }
note { id = "elders", title = "The elders", conf = "A", src = "TB",
       text = "As the winter wore on, the elders of the city urged the governor to make peace. In the game they speak when the food falls below 40 days or when spring comes.",
       title_ar = "الشيوخ",
       text_ar = "مع امتداد الشتاء ألحّ شيوخ المدينة على الوالي أن يصالح. وفي اللعبة يتكلمون حين تنزل المؤن عن 40 يومًا أو حين يأتي الربيع." }
note { id = "sally", title = "The sally and the feint", conf = "A", src = "AK; PW",
       text = "In mid-March Harbees led 5,000 men out of the Rastan gate. After a council the Muslims fell back as if beaten, drawing the Byzantines away from the walls. A little way back they re-formed and held, though the pressure grew until a break-through seemed near; then Khalid's horse closed in, Khalid himself with a few riders of the Guard cutting through to the centre where Harbees still fought, and Mu'adh's 500 horsemen sealed the gates. The townspeople and the men who had stayed inside shut the gates in fear; few of the sally force got back.",
       title_ar = "الخروج والاستدراج",
       text_ar = "في منتصف آذار خرج هربيس بخمسة آلاف رجل من باب الرستن. وبعد مشورة تراجع المسلمون كأنهم مهزومون، فاستدرجوا الروم بعيدًا عن الأسوار. وعلى مسافة قصيرة عادوا فاصطفوا وثبتوا، وإن اشتد الضغط حتى كاد الخط ينكسر؛ ثم أطبقت خيل خالد، وخالد نفسه مع نفر من فرسان الحرس يشق طريقه إلى القلب حيث كان هربيس لا يزال يقاتل، وسدّ فرسان معاذ الخمسمئة البوابات. وأغلق أهل المدينة ومن بقي في الداخل البوابات خوفًا؛ فلم يعد من الخارجين إلا قليل." }
note { id = "terms", title = "The terms", conf = "A", src = "BL",
       text = "The city capitulated on terms like those of Damascus: lives, property, walls, churches and mills safe; a quarter of the church of St John to become a mosque; a tax on the townspeople.",
       title_ar = "الشروط",
       text_ar = "استسلمت المدينة على شروط كشروط دمشق: الأمان على الأنفس والأموال والأسوار والكنائس والأرحاء؛ وأن يصير ربع كنيسة القديس يوحنا مسجدًا؛ وجزية على أهل المدينة." }
note { id = "after", title = "What followed", conf = "A", src = "S0; S1",
       text = "Soon after Emesa surrendered, the Muslims turned north again to take all of northern Syria, Aleppo and Antioch among it; on the way Khalid caught a Roman convoy carrying supplies to Qinnasrin. In 637-638 Heraclius raised the Christian Arabs of the Jazira against the conquerors, and they came to besiege Emesa a second time (the scenario 'The Jazira comes to Homs').",
       title_ar = "ما تلا ذلك",
       text_ar = "بعد استسلام حمص بقليل عاد المسلمون شمالًا فأخذوا شمال الشام كله، ومنه حلب وأنطاكية؛ وفي الطريق أدرك خالد قافلة رومية تحمل المؤن إلى قنسرين. وفي 637-638 استنفر هرقل عرب الجزيرة النصارى على الفاتحين، فجاؤوا يحاصرون حمص مرة ثانية (سيناريو «الجزيرة تزحف على حمص»)." }
note { id = "numbers", title = "How many?", conf = "A?", src = "WE; history.md 3",
       text = "The figures of 15,000 besiegers and 8,000 defenders come from a modern summary without a traced source; so do the losses of 235 against 4,900.",
       title_ar = "كم كانوا؟",
       text_ar = "أرقام 15,000 محاصِر و8,000 مدافع مأخوذة من ملخص حديث بلا مصدر معروف؛ وكذلك الخسائر: 235 مقابل 4,900." }

---------------------------------------------------------------------------
-- Disputed points [history.md 3].
---------------------------------------------------------------------------
dispute { id = "date", title = "When was the first siege?", versions = {
  { text = "December 635 to March 636.", src = "AK; WE" },
  { text = "The Arabs were before Emesa as early as January 635.", src = "CMH (a Syriac source)" },
  { text = "The winter siege came after the Yarmuk.", src = "KEN" },
  { text = "A capitulation before the Yarmuk, taxes refunded on the withdrawal, re-entry afterwards.", src = "BL pp.201, 211" } } }
dispute { id = "battle", title = "Was there a battle?", turn = 22, versions = {
  { text = "No: a plain capitulation at the Rastan gate.", src = "BL" },
  { text = "Frostbite, a shout of 'God is great' that cracked the walls (an earthquake?), and elders urging peace.", src = "TB (Sayf)" },
  { text = "A sally, a feint and 5,006 dead - in a late and partly legendary text.", src = "PW; AK; PWD" } } }
dispute { id = "harbees", title = "Who was Harbees?", versions = {
  { text = "Khalid killed a 'Harbees' already in 634.", src = "AK ch.30" },
  { text = "Sa'id ibn Zayd killed him at Hims.", src = "PW" } } }
dispute { id = "numbers", title = "How many?", versions = {
  { text = "15,000 against 8,000; losses 235 against 4,900.", src = "WE (infobox, unsourced)" },
  { text = "The sources give no reliable figures.", src = "history.md 3" } } }
dispute { id = "negotiator", title = "Who negotiated, and at which gate?", turn = 25, versions = {
  { text = "Abu Ubaidah himself, or al-Simt.", src = "BL" },
  { text = "Yazid entered by Bab al-Sebaa.", src = "SH (local tradition)" } } }
dispute { id = "gates", title = "Gates and citadel", versions = {
  { text = "Four Roman gates; seven under the Abbasids.", src = "GT" },
  { text = "The castle on the tell is Ayyubid/Mamluk: in 636 the tell was a fortified height only.", src = "KING" } } }

---------------------------------------------------------------------------
-- The chronicle: the recorded course of decisions, as a plan per side
-- (plan words in scenarios/README.md). The Byzantines: shut in on turn 1,
-- full rations (the stores run low only in March [A: AK]), small sorties
-- on cold days all winter [A: TB], the sally in strength by the Rastan
-- gate on turn 22 (8 March 636; "about 15 March" [A: AK; D]). The
-- Rashidun: the blockade with no terms, short commons by turns [I], the
-- feigned retreat before the Rastan gate as the sally comes out, the
-- pursuit, then terms on turns 25-26 [A: BL].
---------------------------------------------------------------------------
chronicle { side = "rashidun", turn = 1, order = "pursue", src = "AK",
            note = "Khalid's corps drives the garrison's horse back inside; the truce is void.",
            note_ar = "فيلق خالد يردّ خيالة الحامية إلى الداخل؛ وتسقط الهدنة." }
chronicle { side = "byzantine", turn = 1, order = "hold", src = "AK",
            note = "Driven back inside, the garrison shuts the gates and waits for the emperor's word.",
            note_ar = "بعد أن رُدّت الحامية إلى الداخل، تغلق البوابات وتنتظر كلمة الإمبراطور." }
chronicle { side = "byzantine", turn = 1, order = "rations full", src = "AK; D",
            note = "The city eats as usual: its stores run low only by mid-March.",
            note_ar = "تأكل المدينة كعادتها: لا تنفد مخازنها إلا في منتصف آذار." }
chronicle { side = "rashidun", turn = 2, order = "wait", src = "AK",
            note = "The army camps before the four gates, the largest group before the Rastan gate; no terms yet.",
            note_ar = "يعسكر الجيش أمام البوابات الأربع، وأكبر جماعة أمام باب الرستن؛ ولا شروط بعد." }
chronicle { side = "rashidun", turn = 2, order = "rations half", src = "I; TB",
            note = "The army lives off a bare winter country, on short commons when foraging fails; Heraclius counted on it breaking.",
            note_ar = "يعيش الجيش على بلاد جرداء في الشتاء، ويقتصد في الطعام حين يخفق الجمع؛ وقد عوّل هرقل على انهياره." }
chronicle { side = "rashidun", turn = 5, order = "rations full", src = "I", note = "The foragers come back from the villages.",
            note_ar = "يعود جامعو المؤن من القرى." }
chronicle { side = "rashidun", turn = 9, order = "rations half", src = "I", note = "Short commons again in the depth of winter.",
            note_ar = "تقتير في الطعام من جديد في عزّ الشتاء." }
chronicle { side = "rashidun", turn = 12, order = "rations full", src = "I", note = "Supplies from the villages of the Orontes.",
            note_ar = "مؤن من قرى العاصي." }
chronicle { side = "byzantine", turn = 2, order = "sortie", src = "TB; AK",
            note = "Heraclius's word: fight them on every cold day. Small parties go out on the cold mornings and evenings and come back; no great sortie.",
            note_ar = "كلمة هرقل: قاتلوهم في كل يوم بارد. تخرج جماعات صغيرة في الصباحات والأمسيات الباردة ثم تعود؛ ولا خروج كبير." }
chronicle { side = "rashidun", turn = 5, order = "wait", src = "TB",
            note = "The blockade holds through the winter.",
            note_ar = "يصمد الحصار طوال الشتاء." }
chronicle { side = "byzantine", turn = 22, order = "sally rastan", src = "AK",
            note = "Harbees leads 5,000 out of the Rastan gate.",
            note_ar = "يخرج هربيس بخمسة آلاف من باب الرستن." }
chronicle { side = "rashidun", turn = 22, order = "feint rastan", src = "AK; PW",
            note = "After a council the Muslims fall back as if beaten, drawing the sally force away from the walls.",
            note_ar = "بعد مشورة يتراجع المسلمون كأنهم مهزومون، فيستدرجون الخارجين بعيدًا عن الأسوار." }
chronicle { side = "rashidun", turn = 23, order = "pursue", src = "AK; PW",
            note = "They turn; Khalid's horse encircle the Byzantines and Mu'adh's 500 seal the gates.",
            note_ar = "ثم يكرّون؛ فتطوّق خيل خالد الروم، ويسدّ فرسان معاذ الخمسمئة البوابات." }
chronicle { side = "byzantine", turn = 24, order = "hold", src = "AK",
            note = "Few of the sally force got back; the gates stay shut.",
            note_ar = "قليل من الخارجين عادوا؛ وتبقى البوابات مغلقة." }
chronicle { side = "rashidun", turn = 25, order = "offer-terms generous", src = "BL",
            note = "Terms like those of Damascus are offered.",
            note_ar = "تُعرض شروط مثل شروط دمشق." }
chronicle { side = "rashidun", turn = 26, order = "offer-terms generous", src = "BL",
            note = "The city capitulates.",
            note_ar = "تستسلم المدينة." }

---------------------------------------------------------------------------
-- Events. Handlers act only through emesa.* (scenarios/README.md).
---------------------------------------------------------------------------
local narrative = {
  [1] = "Khalid's corps drives the garrison inside. The truce is void: the city has been reinforced.",
  [2] = "Heraclius to Harbees: fight them on every cold day; they will not last the winter.",
  [8] = "Word from the north: Heraclius is gathering a great army for Syria, and the Persian king Yazdegerd is his ally.",
  [20] = "The winter breaks, and the Arabs are still there.",
}

-- The story after the siege, whatever the game's ending [A: S0; S1].
on("game-over", function(ev)
  emesa.message("What followed: the Muslims went on north for Aleppo and Antioch, and Khalid took a Roman convoy bound for Qinnasrin. Heraclius's great army was beaten at the Yarmuk in August 636; in 637-638 the Christian Arabs of the Jazira would besiege Emesa again.")
end)

local wall_units = { "wall_1", "wall_2", "wall_3", "wall_4", "wall_5", "wall_6" }
local elders_spoke = false
local hope_lost = false

on("turn", function(ev)
  local text = narrative[ev.turn]
  if text then emesa.message(text) end
  -- Spring: the emperor's promise has failed [history.md 1a].
  if ev.turn == 20 and not option("no-heraclius-hope") then emesa.morale("byzantine", -2, "the winter is over") end
  -- The sally's end is the end of hope: with the field force gone no
  -- relief can come in time, and the city asks for terms [A: AK, BL; the
  -- 40 SP is the historical victory's, D].
  if emesa.losses("byzantine") >= 40 then
    if not hope_lost then
      hope_lost = true
      emesa.message("The sally force is lost. No army of the emperor's can come in time now.")
    end
    emesa.relief_hope("byzantine", -20, "the sally force is lost")
  end
  -- The elders urge peace when the food runs low, or from the spring [A: TB].
  local food = emesa.food("byzantine")
  if not elders_spoke and (food < 40 or ev.turn >= 20) then
    elders_spoke = true
    emesa.message("The elders of Emesa urge Harbees to make peace.")
    emesa.morale("byzantine", -1, "the elders want peace")
    emesa.civic_will(-1, "the elders want peace")
  end
  -- Takbir and tremor: 5% a turn, the walls by one gate crack: their
  -- defence falls by one column [history.md 1a "walls -1"; A: TB (Sayf);
  -- I for the number]. See the dispute "Was there a battle?".
  if math.random(100) <= 5 then
    local gates = { "rastan", "tadmur", "saghir", "sham" }
    local g = gates[math.random(#gates)]
    emesa.message("A great shout of 'God is great' - the ground shakes and the walls crack.")
    emesa.crack_wall(g, 1, "takbir and tremor")
  end
end)

-- Cold-day skirmishes: on cold and frosty days both sides lose a little
-- at the walls [A: TB; amounts I].
on("weather", function(ev)
  if ev.text:find("cold", 1, true) or ev.text:find("frost", 1, true) then
    local id = wall_units[math.random(#wall_units)]
    local u = emesa.unit(id)
    if u and u.status == "on_map" then emesa.damage(id, 0, 1) end
    emesa.message("Skirmishes at the gates on a cold morning.")
    if ev.text:find("frost", 1, true) then
      emesa.message("Frost: men who went out come back with frozen feet.", "byzantine")
    end
  end
end)

on("leader-lost", function(ev)
  if ev.leader == "harbees" then
    emesa.message("Harbees has fallen in the fighting.")
  end
end)

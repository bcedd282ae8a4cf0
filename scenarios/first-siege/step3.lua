-- Your first scenario, step 3: a reinforcement, an event handler and the chronicle.
scenario { id = "first-siege", title = "My first siege", turns = 10, start = "1 Mar 636", town = "town" }
side { id = "garrison", name = "Garrison", morale = 8, food = 40 }
side { id = "besiegers", name = "Besiegers", morale = 10, forages = true }
-- Rows top to bottom, one letter a hex: . open, # wall, c city, G gate.
map { width = 12, height = 10, rows = [[
............
............
....#####...
....#ccc#...
....Gccc#...
....#ccc#...
....#####...
............
............
............
]] }
-- Places are held by standing on them; the town's owner is the town side.
place { id = "town", name = "The town", at = "6,4", owner = "garrison", value = 10 }
place { id = "camp", name = "The camp", at = "1,4", owner = "besiegers", camp = true }
-- A gate must stand on a G hex.
gate { id = "west", name = "West gate", at = "4,4" }
unit { id = "g1", name = "Town guard", side = "garrison", type = "infantry", sp = 5, at = "6,4" }
unit { id = "g2", name = "Militia I", side = "garrison", type = "militia", sp = 2, at = "5,3" }
unit { id = "g3", name = "Militia II", side = "garrison", type = "militia", sp = 2, at = "5,5" }
unit { id = "b1", name = "Foot I", side = "besiegers", type = "infantry", sp = 6, at = "2,4" }
unit { id = "b2", name = "Foot II", side = "besiegers", type = "infantry", sp = 6, at = "2,5" }
unit { id = "b3", name = "Horse", side = "besiegers", type = "light_cav", sp = 5, at = "1,3" }
unit { id = "b4", name = "Archers", side = "besiegers", type = "archers", sp = 4, at = "2,3" }
leader { id = "emir", name = "The emir", side = "besiegers", command = 3, with = "b1" }
-- Tried at each turn's end, in this order; nothing holds by the last turn: a draw.
victory { side = "besiegers", kind = "take_place", place = "town", text = "The town is taken." }
victory { side = "besiegers", kind = "surrender", text = "The town opens its gate on terms." }
victory { side = "garrison", kind = "destroy_sp", amount = 12, text = "The besiegers are broken." }
victory { side = "garrison", kind = "hold_place", place = "town", level = "minor", text = "The town holds." }
-- The besiegers' horse comes up on turn 3 at the map's edge.
unit { id = "b5", name = "Heavy horse", side = "besiegers", type = "heavy_cav", sp = 5,
       arrives = { turn = 3, at = "0,8", rumour = 2 } }
-- Handlers run when events happen; emesa.* acts on the game.
on("arrival", function(ev)
  if ev.unit == "b5" then
    emesa.message("The emir's horse has come: the garrison loses heart.")
    emesa.morale("garrison", -1, "the horse has come")
  end
end)
-- The chronicle: what the besiegers did, as a plan the computer follows
-- with --chronicle (and "Watch the chronicle" in the window).
chronicle { side = "besiegers", turn = 1, order = "hold", note = "The army digs in before the west gate." }
chronicle { side = "besiegers", turn = 4, order = "offer-terms generous", note = "With the horse come, the emir offers terms." }
chronicle { side = "besiegers", turn = 6, order = "storm west", note = "The terms refused, the army storms the west gate." }

-- Your first scenario, step 2: the town, its gate, the armies and how to win.
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

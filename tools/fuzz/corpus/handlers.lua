scenario { id = "h", title = "H", turns = 4, town_side = "a" }
side { id = "a" } side { id = "b" }
map { width = 5, height = 3, legend = { ["x"] = "marsh" }, rows = [[
.cG.x
.cc.=
~f...
]] }
gate { id = "g", at = "2,0" }
place { id = "p", at = "1,1", owner = "a", value = 3 }
unit { id = "u1", side = "a", type = "infantry", quality = "veteran", sp = { 5, conf = "A", src = "X" }, at = "1,0" }
unit { id = "u2", side = "b", type = "light_cav", sp = 4, at = "4,2" }
unit { id = "r", side = "b", type = "camel", sp = 2, arrives = { turn = 2, at = "4,0" } }
leader { id = "l", side = "a", traits = { "cautious" }, with = "u1" }
victory { side = "b", kind = "take_place", place = "p" }
note { id = "n", title = "t", text = "x", conf = "D", src = "s" }
on("turn", function(ev) emesa.message(("t%d %s"):format(ev.turn, emesa.date())) emesa.morale("b", -1, "x") end)
on("arrival", function(ev) emesa.damage(ev.unit, 1, 1) emesa.set_gate("g", "open") end)
on("any", function(ev) if ev.type == "gate" then emesa.set_owner("p", "b") end end)

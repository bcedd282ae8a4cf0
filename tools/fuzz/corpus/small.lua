scenario { id = "t1", title = "Test", turns = 3, start = "28 Nov 637", town_side = "a" }
side { id = "a", name = "A", morale = 12 }
side { id = "b", name = "B" }
map { width = 6, height = 4, rows = [[
  ......
  ..cc..
  ..cG..
  ......
]] }
unit { id = "u1", side = "a", type = "infantry", sp = { 5, conf = "I" }, at = "2,1" }
unit { id = "u2", side = "b", type = "light_cav", sp = 5, at = "5,3" }
on("turn", function(ev) emesa.message("turn " .. ev.turn) end)

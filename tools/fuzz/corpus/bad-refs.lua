-- fixture: several problems in one file, each on its own line
scenario { id = "bad-refs", title = "Bad references", turns = 3, town_side = "a" }
side { id = "a" }
side { id = "b" }
map { width = 6, height = 4, rows = [[
......
......
......
......
]] }
unit { id = "u1", side = "a", type = "infantry", sp = 5, at = "2,1" }
unit { id = "u1", side = "a", type = "infantry", sp = 5, at = "3,1" }
unit {
  id = "u2",
  side = "c",
  type = "infantry",
  sp = 5,
  at = "1,1",
}
unit { id = "u3", side = "b", type = "elephant", sp = 5, at = "1,2" }
unit { id = "u4", side = "b", type = "infantry", sp = 5, at = "9,9" }
leader { id = "l1", side = "a", with = "nobody" }
victory { side = "a", kind = "hold_place", place = "rome" }

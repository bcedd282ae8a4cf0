scenario { id = 's', title = 'S', turns = 10, town = 'town' }
side { id = 'a', food = { 40, conf = 'I' }, rations = 'half' }
side { id = 'b', forages = true }
siege { historical = false, civic_will = 4, rules = {
  gate_throughput = 7, pace_km = { forced = 60 }, winter_months = { 'jan' },
  consumption_pct = { expel = 70 }, weather_winter = { mild = 2, cold = 5, rain = 8, frost = 10 } } }
map { width = 6, height = 4, rows = [[
......
..cc..
..cG..
......
]] }
place { id = 'town', at = '2,1', owner = 'a' }
place { id = 'camp', at = '5,0', owner = 'b', camp = true }
gate { id = 'g', at = '3,2', alert = true }
theatre_place { id = 'home', owner = 'a', map_place = 'town', x = 1, y = 2 }
theatre_place { id = 'far', owner = 'b', resistance = 8, surprise_resistance = 3, ravage = 1 }
theatre_place { id = 'base', owner = 'a' }
route { from = 'home', to = 'far', km = 300 }
route { from = 'far', to = 'base', km = { 200, conf = 'D', src = 'x' } }
courier { id = 'letter', side = 'a', from = 'home', to = 'base', km_per_day = 50, depart_turn = 2 }
column { id = 'relief', side = 'a', sp = 30, leader = 'l', at = 'base', dest = 'home', pace = 'forced',
         after_courier = 'letter' }
column { id = 'raid', side = 'a', sp = 20, at = 'base', dest = 'far', hidden = true, depart_turn = 3 }
contingent { id = 'k', side = 'b', home = 'far', loyalty = 2 }
unit { id = 'u1', side = 'a', type = 'infantry', sp = 5, at = '2,1' }
unit { id = 'u2', side = 'b', type = 'infantry', sp = 5, at = '5,3', contingent = 'k' }
unit { id = 'r1', side = 'a', type = 'light_cav', sp = 5,
       arrives = { column = 'relief', at = '0,3', rumour = 4, confirm = 5 } }
leader { id = 'l', side = 'a', traits = { 'forced_marcher' }, with = 'r1' }
chronicle { side = 'a', turn = 3, order = 'hold', note = 'n' }
chronicle { side = 'b', turn = 3, order = 'release k' }
chronicle { side = 'a', turn = 3, order = 'sally g' }
chronicle { side = 'a', turn = 5, order = 'send-column raid home mixed', src = 'TB' }
dispute { id = 'd', title = 'D', versions = { { text = 'x', src = 'A' }, { text = 'y', src = 'B' } } }

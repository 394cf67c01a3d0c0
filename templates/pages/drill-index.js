{#- The compact index that the filters of /drills/ search: every drill of the handbook, loaded as a
    script (so it works from file:// too). Each drill is [id, name, level, primary muscles,
    secondary muscles, sports, surfaces, needs equipment (0/1), first variant's id]. -#}
window.dhDrillIndex = {{ rows | tojson }};

{#- The compact index that the filters of /drills/ and the session builder search: every drill of the
    handbook, loaded as a script (so it works from file:// too). Each drill is [id, name, level,
    primary muscles, secondary muscles, sports, surfaces, needs equipment (0/1), variant ids], each
    value written as its place in the lists before it. -#}
window.dhDrillIndex = {{ index | tojson }};

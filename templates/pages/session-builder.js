{#- What the session builder shows of each drill (name, and each variant's id, name, cues and dosage)
    and the shipped sessions to start from, loaded as a script so the builder works offline. -#}
window.dhBuilderData = {{ data | tojson }};

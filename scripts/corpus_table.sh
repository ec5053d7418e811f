#!/usr/bin/env bash
# Prints the README's conformance-corpus table: per platform and query kind, how many samples
# the corpus holds and in which forms (text / JSON / XML; refusals counted apart).
# Usage: scripts/corpus_table.sh   (from anywhere; reads tests/vendors/data)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/vendors/data"
kinds=(facts link-status bgp-status arp-table vlan-errors received-routes advertised-routes route-lookup lldp-neighbors optics)
platforms=(cisco-ios cisco-iosxr cisco-nxos juniper-junos arista-eos)

printf '| platform |'; for k in "${kinds[@]}"; do printf ' %s |' "$k"; done; printf ' total |\n'
printf '|---|'; for _ in "${kinds[@]}"; do printf -- '---|'; done; printf -- '---|\n'
grand=0
for p in "${platforms[@]}"; do
  printf '| `%s` |' "$p"
  total=0
  for k in "${kinds[@]}"; do
    dir="$root/$p/$k"
    if [ ! -d "$dir" ]; then printf ' – |'; continue; fi
    text=0 json=0 xml=0 refused=0 n=0
    for c in "$dir"/*/; do
      [ -d "$c" ] || continue
      n=$((n + 1))
      if grep -q '"error"' "$c/expected.json" 2>/dev/null && ! grep -q '^\[' "$c/expected.json"; then
        refused=$((refused + 1)); continue
      fi
      if [ -f "$c/output.json" ]; then json=$((json + 1));
      elif [ -f "$c/output.xml" ]; then xml=$((xml + 1));
      else text=$((text + 1)); fi
    done
    forms=()
    [ $text -gt 0 ] && forms+=("text $text")
    [ $json -gt 0 ] && forms+=("JSON $json")
    [ $xml -gt 0 ] && forms+=("XML $xml")
    [ $refused -gt 0 ] && forms+=("refused $refused")
    printf ' %d (%s) |' "$n" "$(IFS=,; echo "${forms[*]}" | sed 's/,/, /g')"
    total=$((total + n))
  done
  printf ' %d |\n' "$total"
  grand=$((grand + total))
done
printf '\n%d samples in all.\n' "$grand"

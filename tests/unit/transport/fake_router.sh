#!/bin/bash
# A pretend router CLI for the SSH transport tests. Exec requests run as shell commands; an
# interactive login gets a banner, a prompt with parentheses and ANSI bold, and a pager that
# stops every 10 lines until "terminal length 0" was sent. Everything received is logged.
LOG="$(dirname "$0")/received.log"
if [ -n "$SSH_ORIGINAL_COMMAND" ]; then
    printf 'exec:%s\n' "$SSH_ORIGINAL_COMMAND" >> "$LOG"
    exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"
fi
stty -echo 2>/dev/null
printf '*****************************************\n'
printf '* core-1.lab - authorised use only. #>  *\n'
printf '*****************************************\n\n'
paging=1
prompt() { printf '\033[1mcore-1.lab(vrf-a)#\033[0m'; }
pager_line=0
say() {
    printf '%s\n' "$1"
    if [ "$paging" = 1 ]; then
        pager_line=$((pager_line + 1))
        if [ $((pager_line % 10)) = 0 ]; then
            printf ' --More-- '
            IFS= read -rsn1 _key
            printf '\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b'
        fi
    fi
}
prompt
while IFS= read -r line; do
    line=${line%$'\r'}
    printf '%s\r\n' "$line"
    printf 'shell:%s\n' "$line" >> "$LOG"
    pager_line=0
    case "$line" in
        "terminal length 0") paging=0 ;;
        "show version") say "Fake CLI version 1.0 (core-1.lab)" ;;
        # One 8 MiB line: a CLI that prints a huge answer without a line break (or garbage).
        "show flood") head -c 8388608 /dev/zero | tr '\0' 'x'; printf '\r\n' ;;
        "show bgp summary")
            for i in $(seq 1 30); do say "peer 203.0.113.$i  AS6450$((i % 10))  Established  $i"; done ;;
        exit) exit 0 ;;
        "") ;;
        *) say "% Invalid input detected" ;;
    esac
    prompt
done

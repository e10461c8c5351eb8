#!/usr/bin/env bash
# Whole-process start-up figures for BENCHMARKS.md: djq's commands against
# the floor binary (internal/perf/floor: glamour, bleve and cobra linked,
# one line printed), in one hyperfine run with a warm cache, plus cheat,
# glow and tealdeer when they are installed. Usage:
#   bash internal/perf/startup.sh [--deck DIR]   (DIR: a generated deck, see gen sample-deck)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }
out=$(mktemp -d)
go build -trimpath -o "$out/djq" ./cmd/djq
go build -trimpath -o "$out/floor" ./internal/perf/floor
export DJQ_CACHE_DIR="$out/cache" DJQ_STATE_DIR="$out/state" DJQ_DATA_DIR="$out/data" DJQ_CONFIG_DIR="$out/config"
deck=""
if [ "${1:-}" = --deck ]; then deck=$2; fi
"$out/djq" search select_related >/dev/null   # warm the cache
cmds=(
  "$out/floor"
  "$out/djq --version"
  "$out/djq list"
  "$out/djq show 35 | cat"
  "$out/djq search select_related"
  "$out/djq random --level advanced --seed 1 | cat"
)
if [ -n "$deck" ]; then
  "$out/djq" --deck "$deck" search select_related >/dev/null
  cmds+=("$out/djq --deck $deck search select_related" "$out/djq --deck $deck list" "$out/djq --deck $deck show $(basename "$deck"):5000 | cat")
fi
for other in "cheat --version" "glow --version" "tldr --version"; do
  command -v "${other%% *}" >/dev/null && cmds+=("$other")
done
hyperfine --warmup 5 --runs "${RUNS:-40}" --export-markdown "$out/startup.md" "${cmds[@]}" >&2
cat "$out/startup.md"
rm -rf "$out"

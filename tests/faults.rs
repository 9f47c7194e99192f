//! Fault injection against the real binary: a kill at every rename and fsync of the commit, two
//! runs into one folder, a full disk, a file-size limit, folders newstag did not make, and
//! `--resume` after its inputs changed or its previous output was damaged.
//!
//! The promise checked after every fault: the output folder holds either the previous output set
//! byte for byte or the new one, never a mix, and the next run leaves no staging behind.
//! `NEWSTAG_TEST_BIN=/path/to/newstag` runs these tests against another build (this is how they
//! were checked to fail on the code before the commit redesign).

mod support;

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use support::env::{self as common, Env};

/// The binary under test.
fn bin() -> String {
    std::env::var("NEWSTAG_TEST_BIN").unwrap_or_else(|_| common::BIN.to_owned())
}

/// `newstag run --quiet ARGS` in `env`, without the compiled-lexicon cache (its own renames and
/// writes would blur the counts).
fn command(env: &Env, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.current_dir(env.dir.path())
        .env("NEWSTAG_CACHE_DIR", "off")
        .arg("run")
        .arg("--quiet")
        .args(args);
    c
}

fn run(env: &Env, args: &[&str]) -> Output {
    command(env, args).output().unwrap()
}

fn ok(o: &Output) {
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "run failed ({}): {}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
}

/// newstag's own files of an output folder (missing ones read as `None`).
fn set_of(dir: &Path) -> Vec<(&'static str, Option<Vec<u8>>)> {
    [
        "annotations.jsonl",
        "errors.jsonl",
        "manifest.json",
        "report.html",
    ]
    .into_iter()
    .map(|f| (f, std::fs::read(dir.join(f)).ok()))
    .collect()
}

/// Names under `dir` (recursively, `/`-separated) that look like staging: newstag's
/// (`newstag-staging`) or the old `.tmp-<pid>` ones.
fn staging_left(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for e in walk(dir) {
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        if name.contains("newstag-staging") || name.starts_with(".tmp-") {
            found.push(e.display().to_string());
        }
    }
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            out.push(p.clone());
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                out.extend(walk(&p));
            }
        }
    }
    out
}

/// A corpus, an old output set committed in `base/out` (with a report and files of the user's
/// own beside it), the inputs changed afterwards, and the new set a clean run makes (`ref`).
struct Scenario {
    env: Env,
    old: Vec<(&'static str, Option<Vec<u8>>)>,
    new: Vec<(&'static str, Option<Vec<u8>>)>,
}

fn scenario() -> Scenario {
    let env = Env::new();
    env.generate("a", 12, 3);
    ok(&run(&env, &["corpus", "--out", "base/out", "--report"]));
    env.write("base/out/notes.txt", b"the user's notes\n");
    env.write("base/out/export/entities.csv", b"id,label\n");
    let old = set_of(&env.path("base/out"));
    env.generate("b", 5, 4);
    ok(&run(&env, &["corpus", "--out", "ref/out", "--report"]));
    let new = set_of(&env.path("ref/out"));
    assert_ne!(old, new, "the scenario must change the output");
    Scenario { env, old, new }
}

impl Scenario {
    /// A fresh copy of the old state in `t<n>/out`.
    fn copy(&self, n: usize) -> String {
        let dir = format!("t{n}/out");
        for p in walk(&self.env.path("base/out")) {
            let rel = p.strip_prefix(self.env.path("base/out")).unwrap();
            let to = self.env.path(&dir).join(rel);
            if p.is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::copy(&p, &to).unwrap();
            }
        }
        dir
    }

    /// What a folder holds: "old", "new", "no manifest" (allowed by the fallback switch only), or
    /// a panic describing the mix.
    fn state(&self, out: &str, step: &str, allow_no_manifest: bool) -> &'static str {
        let now = set_of(&self.env.path(out));
        if now == self.old {
            return "old";
        }
        if now == self.new {
            return "new";
        }
        if allow_no_manifest && now[2].1.is_none() {
            return "no manifest";
        }
        let describe: Vec<String> = now
            .iter()
            .zip(&self.old)
            .zip(&self.new)
            .map(|(((name, now), (_, old)), (_, new))| {
                let what = if now == old {
                    "old"
                } else if now == new {
                    "new"
                } else if now.is_none() {
                    "missing"
                } else {
                    "other"
                };
                format!("{name}: {what}")
            })
            .collect();
        panic!(
            "{step}: {out} is a mix of two runs: {}",
            describe.join(", ")
        );
    }

    /// After a fault, the next clean run commits the new set, gives back the user's files and
    /// leaves no staging anywhere.
    fn next_run_recovers(&self, n: usize, out: &str, step: &str) {
        ok(&run(&self.env, &["corpus", "--out", out, "--report"]));
        assert_eq!(
            set_of(&self.env.path(out)),
            self.new,
            "{step}: next run did not commit the new set"
        );
        let notes = std::fs::read(self.env.path(out).join("notes.txt"));
        assert_eq!(
            notes.ok().as_deref(),
            Some(&b"the user's notes\n"[..]),
            "{step}: the user's file in out/ was lost"
        );
        assert!(
            self.env.path(out).join("export/entities.csv").exists(),
            "{step}: the user's folder in out/ was lost"
        );
        let left = staging_left(&self.env.path(&format!("t{n}")));
        assert!(left.is_empty(), "{step}: staging left behind: {left:?}");
    }
}

/// Kills the run before the N-th commit step (every rename, fsync, removal and marker write of
/// the commit, through the `NEWSTAG_FAULT` hook), for every N until the run gets through.
fn kill_at_every_step(extra: &str, allow_no_manifest: bool) {
    let s = scenario();
    let mut kills = 0;
    let mut states = std::collections::BTreeSet::new();
    for n in 1..200 {
        let out = s.copy(n);
        let fault = format!("{extra}step:{n}");
        let o = command(&s.env, &["corpus", "--out", &out, "--report"])
            .env("NEWSTAG_FAULT", &fault)
            .output()
            .unwrap();
        if o.status.code().is_some() {
            ok(&o);
            assert_eq!(s.state(&out, &fault, false), "new");
            break;
        }
        assert_eq!(o.status.signal(), Some(9), "{fault}: {}", o.status);
        kills += 1;
        states.insert(s.state(&out, &fault, allow_no_manifest));
        s.next_run_recovers(n, &out, &fault);
    }
    // The hook exists and the commit has several steps on either side of the switch.
    assert!(kills >= 5, "only {kills} commit steps were seen");
    assert!(
        states.contains("old") && states.contains("new"),
        "kills should land both before and after the switch: {states:?}"
    );
}

#[test]
fn a_kill_at_any_commit_step_leaves_the_old_set_or_the_new_set() {
    kill_at_every_step("", false);
}

#[test]
fn without_rename_exchange_a_kill_leaves_old_new_or_no_manifest() {
    kill_at_every_step("no-exchange,", true);
}

/// The same, independent of the hook: strace kills the process at its N-th rename-family or
/// fsync-family system call (whatever the implementation calls). Skipped without strace.
#[test]
fn a_kill_at_any_rename_or_fsync_syscall_leaves_the_old_set_or_the_new_set() {
    let probe = Command::new("strace")
        .args(["-qq", "-e", "trace=none", "true"])
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: strace is not available or cannot trace here");
        return;
    }
    let s = scenario();
    let families = [
        "rename,renameat,renameat2",
        "fsync,fdatasync,sync_file_range",
    ];
    for family in families {
        let mut kills = 0;
        for n in 1..100 {
            let out = s.copy(1000 + n);
            let step = format!("{family} #{n}");
            let o = Command::new("strace")
                .current_dir(s.env.dir.path())
                .env("NEWSTAG_CACHE_DIR", "off")
                .args([
                    "-f",
                    "-qq",
                    "-o",
                    "/dev/null",
                    "-e",
                    &format!("trace={family}"),
                    "-e",
                    &format!("inject={family}:signal=KILL:when={n}"),
                    &bin(),
                    "run",
                    "--quiet",
                    "corpus",
                    "--out",
                    &out,
                    "--report",
                ])
                .output()
                .unwrap();
            let finished = o.status.code().is_some_and(|c| c <= 1);
            if !finished {
                kills += 1;
            }
            let state = s.state(&out, &step, false);
            if finished {
                assert_eq!(state, "new", "{step}");
                break;
            }
            s.next_run_recovers(1000 + n, &out, &step);
        }
        assert!(kills >= 2, "{family}: only {kills} calls were seen");
    }
}

/// A corpus big enough for a run on one thread to last a while.
fn slow_corpus(env: &Env) {
    env.generate("a", 1500, 7);
}

/// Waits until a run has taken its lock and started staging.
fn wait_for_staging(env: &Env, child: &mut std::process::Child) {
    for _ in 0..6000 {
        if !staging_left(env.dir.path()).is_empty() {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the first run ended ({status}) before staging: make the corpus bigger");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("no staging appeared");
}

#[test]
fn a_second_run_into_the_same_out_fails_with_exit_2_naming_the_holder() {
    let env = Env::new();
    slow_corpus(&env);
    let mut first = command(&env, &["corpus", "--out", "out", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for_staging(&env, &mut first);
    let second = run(&env, &["corpus", "--out", "out"]);
    let err = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(2), "second run: {err}");
    assert!(
        err.contains(&format!("pid {}", first.id())) && err.contains("out"),
        "the message should name the holder: {err}"
    );

    // The holder killed: its lock goes with it, the next run commits and cleans up.
    first.kill().unwrap();
    first.wait().unwrap();
    ok(&run(&env, &["corpus", "--out", "out"]));
    assert!(staging_left(env.dir.path()).is_empty());
    ok(&run(&env, &["corpus", "--out", "ref"]));
    assert_eq!(set_of(&env.path("out")), set_of(&env.path("ref")));
}

#[test]
fn folders_newstag_did_not_make_are_never_deleted() {
    let env = Env::new();
    env.generate("a", 3, 1);
    ok(&run(&env, &["corpus", "--out", "out"]));
    let foreign = [
        // Named like an old staging folder of a process that is gone.
        "out/.tmp-4294967294/data.bin",
        "out/.tmp-1/data.bin",
        // Named like a staging folder, without newstag's marker.
        ".out.newstag-staging-1-2/annotations.jsonl",
        "out/.newstag-staging-3-4/keep.txt",
    ];
    for f in foreign {
        env.write(f, b"not newstag's");
    }
    // A marker naming another run id does not make a folder newstag's either.
    env.write(
        ".out.newstag-staging-5-6/.newstag-staging",
        b"newstag .newstag-staging 7-8\n",
    );
    env.write(".out.newstag-staging-5-6/mine.txt", b"not newstag's");
    ok(&run(&env, &["corpus", "--out", "out"]));
    for f in foreign.iter().chain(&[".out.newstag-staging-5-6/mine.txt"]) {
        assert!(env.path(f).exists(), "{f} was deleted");
    }
}

/// Runs `script` with `sh` in a private mount namespace, where a small tmpfs can be mounted;
/// `None` (with the reason) when this machine does not allow it.
fn in_mount_namespace(env: &Env, script: &str) -> Option<Output> {
    std::fs::create_dir_all(env.path("probe")).unwrap();
    let probe = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c"])
        .arg("mount -t tmpfs -o size=64k none \"$0\"")
        .arg(env.path("probe"))
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            eprintln!(
                "skipped: cannot mount a tmpfs in a user namespace: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            );
            return None;
        }
        Err(e) => {
            eprintln!("skipped: no unshare: {e}");
            return None;
        }
    }
    Some(
        Command::new("unshare")
            .current_dir(env.dir.path())
            .env("NEWSTAG_CACHE_DIR", "off")
            .env("BIN", bin())
            .args(["--mount", "--map-root-user", "sh", "-c", script])
            .output()
            .unwrap(),
    )
}

#[test]
fn a_full_disk_gives_exit_2_naming_the_file_and_keeps_the_previous_output() {
    let env = Env::new();
    env.generate("a", 600, 5);
    env.write("small/one.txt", common::article(1).as_bytes());
    let script = r#"
        set -e
        mkdir -p disk
        mount -t tmpfs -o size=256k none disk
        "$BIN" run --quiet small --out disk/out
        sha256sum disk/out/* > before.txt
        set +e
        "$BIN" run --quiet corpus --out disk/out 2> err.txt
        echo $? > code.txt
        sha256sum disk/out/* > after.txt
        find disk > listing.txt
    "#;
    let Some(o) = in_mount_namespace(&env, script) else {
        return;
    };
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check_failed_write(&env, "No space left on device");
}

#[test]
fn a_file_size_limit_gives_exit_2_naming_the_file_and_keeps_the_previous_output() {
    let env = Env::new();
    env.generate("a", 300, 5);
    env.write("small/one.txt", common::article(1).as_bytes());
    ok(&run(&env, &["small", "--out", "disk/out"]));
    let script = r#"
        sha256sum disk/out/* > before.txt
        (ulimit -f 64; exec "$BIN" run --quiet corpus --out disk/out 2> err.txt)
        echo $? > code.txt
        sha256sum disk/out/* > after.txt
        find disk > listing.txt
    "#;
    let o = Command::new("sh")
        .current_dir(env.dir.path())
        .env("NEWSTAG_CACHE_DIR", "off")
        .env("BIN", bin())
        .args(["-c", script])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check_failed_write(&env, "too large");
}

/// After a run that failed to write: exit 2, a message naming the staged file and the error,
/// the previous output byte for byte, no staging left.
fn check_failed_write(env: &Env, error: &str) {
    let read = |f: &str| std::fs::read_to_string(env.path(f)).unwrap_or_default();
    let err = read("err.txt");
    assert_eq!(
        read("code.txt").trim(),
        "2",
        "exit status (killed by a signal reads 128+N): {err}"
    );
    assert!(
        err.contains(error) && err.contains("annotations.jsonl") && err.contains("left as it was"),
        "{err}"
    );
    assert_eq!(
        read("before.txt"),
        read("after.txt"),
        "previous output changed"
    );
    let listing = read("listing.txt");
    assert!(
        !listing.contains("staging") && !listing.contains(".tmp-"),
        "staging left behind:\n{listing}"
    );
}

const RULES: &str = r#"
[list_files]
titles = "titles.txt"

[[rule]]
name = "title-name"
label = "PER"
pattern = [
  { lower = ["@titles"] },
  { shape = ["capitalized"], repeat = [1, 2], entity = true },
]
"#;

fn env_with_rule_list() -> Env {
    let env = Env::new();
    let mut config = std::fs::read_to_string(env.path("newstag.toml")).unwrap();
    config.push_str("\n[[rules]]\nname = \"r\"\npath = \"rules/r.toml\"\n");
    env.write("newstag.toml", config.as_bytes());
    env.write("rules/r.toml", RULES.as_bytes());
    env.write("rules/titles.txt", b"spokesman\n");
    env.write(
        "corpus/x.txt",
        "Talks in Baku\n\nThe spokesman Zorro Kuvaldin said talks would go on. The minister Ada Vetrova agreed.\n"
            .as_bytes(),
    );
    env.generate("a", 5, 2);
    env
}

/// `run --resume` into `out`, and how many records it reused.
fn resume(env: &Env, out: &str) -> (Output, usize) {
    let o = Command::new(bin())
        .current_dir(env.dir.path())
        .env("NEWSTAG_CACHE_DIR", "off")
        .args(["run", "corpus", "--out", out, "--resume"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    let reused = err
        .split(" of which ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (o, reused)
}

#[test]
fn resume_after_a_rule_list_change_reprocesses_and_matches_a_full_run() {
    let env = env_with_rule_list();
    ok(&run(&env, &["corpus", "--out", "out"]));
    let before = std::fs::read_to_string(env.path("out/annotations.jsonl")).unwrap();
    assert!(before.contains("Zorro Kuvaldin"), "the rule should fire");
    env.write("rules/titles.txt", b"minister\n");
    let (o, reused) = resume(&env, "out");
    ok(&o);
    assert_eq!(reused, 0, "{}", String::from_utf8_lossy(&o.stderr));
    ok(&run(&env, &["corpus", "--out", "full"]));
    assert_eq!(set_of(&env.path("out")), set_of(&env.path("full")));
    let after = std::fs::read_to_string(env.path("out/annotations.jsonl")).unwrap();
    assert!(after.contains("Ada Vetrova") && !after.contains("\"Zorro Kuvaldin\""));

    // The rule file itself changing also reprocesses.
    env.write(
        "rules/r.toml",
        RULES
            .replace("repeat = [1, 2]", "repeat = [1, 1]")
            .as_bytes(),
    );
    let (o, reused) = resume(&env, "out");
    ok(&o);
    assert_eq!(reused, 0, "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn resume_with_a_missing_or_damaged_previous_output_runs_in_full() {
    type Damage = fn(&Path);
    let cases: [(&str, Damage); 5] = [
        ("annotations.jsonl missing", |d| {
            std::fs::remove_file(d.join("annotations.jsonl")).unwrap()
        }),
        ("annotations.jsonl is a folder", |d| {
            std::fs::remove_file(d.join("annotations.jsonl")).unwrap();
            std::fs::create_dir(d.join("annotations.jsonl")).unwrap();
        }),
        ("annotations.jsonl truncated", |d| {
            let p = d.join("annotations.jsonl");
            let b = std::fs::read(&p).unwrap();
            std::fs::write(&p, &b[..b.len() / 2]).unwrap();
        }),
        ("manifest.json garbage", |d| {
            std::fs::write(d.join("manifest.json"), b"{\"run_digest\": 3").unwrap()
        }),
        ("manifest.json is a folder", |d| {
            std::fs::remove_file(d.join("manifest.json")).unwrap();
            std::fs::create_dir(d.join("manifest.json")).unwrap();
        }),
    ];
    let env = env_with_rule_list();
    ok(&run(&env, &["corpus", "--out", "full"]));
    let full = set_of(&env.path("full"));
    for (i, (case, damage)) in cases.into_iter().enumerate() {
        let out = format!("out{i}");
        ok(&run(&env, &["corpus", "--out", &out]));
        damage(&env.path(&out));
        let (o, reused) = resume(&env, &out);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "case {case}: {err}");
        assert_eq!(reused, 0, "case {case}: {err}");
        assert!(err.contains("processing everything"), "case {case}: {err}");
        assert_eq!(set_of(&env.path(&out)), full, "case {case}");
    }
}

#[test]
fn an_out_that_is_the_working_folder_is_committed_in_place() {
    use sha2::Digest;
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    env.generate("a", 4, 1);
    std::fs::create_dir_all(env.path("here")).unwrap();
    let ino = std::fs::metadata(env.path("here")).unwrap().ino();
    for round in 0..2 {
        env.generate("b", round + 1, 9);
        let o = Command::new(bin())
            .current_dir(env.path("here"))
            .env("NEWSTAG_CACHE_DIR", "off")
            .args([
                "run",
                "--quiet",
                "--config",
                "../newstag.toml",
                "../corpus",
                "--out",
                ".",
            ])
            .output()
            .unwrap();
        ok(&o);
        // Not swapped away from under the shell that runs it.
        assert_eq!(std::fs::metadata(env.path("here")).unwrap().ino(), ino);
        // A complete set: one record per input, the manifest naming this very file.
        let annotations = std::fs::read(env.path("here/annotations.jsonl")).unwrap();
        let lines = annotations.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(lines, 4 + round + 1, "round {round}");
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(env.path("here/manifest.json")).unwrap())
                .unwrap();
        let digest: String = sha2::Sha256::digest(&annotations)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            manifest["files"]["annotations.jsonl"].as_str(),
            Some(digest.as_str()),
            "round {round}"
        );
        assert!(staging_left(env.dir.path()).is_empty(), "round {round}");
    }
}

#[test]
fn a_symlinked_out_is_committed_at_its_target() {
    let env = Env::new();
    env.generate("a", 4, 1);
    std::fs::create_dir_all(env.path("real")).unwrap();
    std::os::unix::fs::symlink("real", env.path("link")).unwrap();
    ok(&run(&env, &["corpus", "--out", "link"]));
    env.generate("b", 2, 9);
    ok(&run(&env, &["corpus", "--out", "link"]));
    assert!(std::fs::symlink_metadata(env.path("link"))
        .unwrap()
        .file_type()
        .is_symlink());
    ok(&run(&env, &["corpus", "--out", "ref"]));
    assert_eq!(set_of(&env.path("real")), set_of(&env.path("ref")));
    assert!(staging_left(env.dir.path()).is_empty());
}

/// A report is part of the output set: a run without `--report` must not leave the previous
/// run's report beside its new annotations (a mix), with or without `RENAME_EXCHANGE`.
#[test]
fn a_run_without_report_leaves_no_stale_report() {
    for fault in ["", "no-exchange"] {
        let env = Env::new();
        env.generate("a", 3, 1);
        ok(&run(&env, &["corpus", "--out", "out", "--report"]));
        assert!(env.path("out/report.html").exists());
        env.generate("b", 1, 2);
        let o = command(&env, &["corpus", "--out", "out"])
            .env("NEWSTAG_FAULT", fault)
            .output()
            .unwrap();
        ok(&o);
        assert!(
            !env.path("out/report.html").exists(),
            "case {fault:?}: stale report"
        );
    }
}

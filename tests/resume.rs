//! `--resume`: a rerun reuses the records of unchanged documents and writes the same bytes as a
//! full run; anything that changes all results (config, lexicon, options) disables reuse.

mod support;

use support::env::{self as common, Env};
/// Counts of a resumed run, read from its summary line.
#[derive(Debug, PartialEq)]
struct Counts {
    inputs: usize,
    reused: usize,
}

/// `newstag run corpus --out OUT --resume`.
fn resume_in(env: &Env, out: &str) -> Counts {
    let o = std::process::Command::new(common::BIN)
        .current_dir(env.dir.path())
        .args(["run", "corpus", "--out", out, "--resume"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.code().unwrap() <= 1, "{err}");
    let summary = err
        .lines()
        .find(|l| l.contains(" documents ("))
        .unwrap_or_else(|| panic!("{err}"));
    let number_after = |marker: &str| -> usize {
        summary.split(marker).nth(1).map_or(0, |rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
    };
    Counts {
        inputs: number_after("newstag: "),
        reused: number_after(" of which "),
    }
}

fn full_run_equals(env: &Env, out: &str) {
    let _ = std::fs::remove_dir_all(env.path("full"));
    let o = env.run(&["corpus", "--out", "full"]);
    assert!(
        o.status.code().unwrap() <= 1,
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for ((name, got), (_, want)) in env.output(out).into_iter().zip(env.output("full")) {
        assert!(
            got == want,
            "{name} of the resumed run differs from a full run"
        );
    }
}

#[test]
fn resume_reuses_unchanged_documents_and_matches_a_full_run() {
    let env = Env::new();
    env.generate("a", 40, 1);
    env.write("corpus/binary.txt", b"\0\x01\x02");
    let o = env.run(&["corpus", "--out", "out"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // Nothing changed: everything reused.
    let c = resume_in(&env, "out");
    assert_eq!(
        c,
        Counts {
            inputs: 41,
            reused: 40
        }
    );
    full_run_equals(&env, "out");

    // 3 new, 2 changed, 1 deleted, 1 renamed (same bytes, new id).
    env.generate("b", 3, 2);
    env.write("corpus/a00003.txt", b"Ilham Aliyev is in Baku now.");
    env.write("corpus/a00017.txt", common::article(99).as_bytes());
    std::fs::remove_file(env.path("corpus/a00005.txt")).unwrap();
    std::fs::rename(env.path("corpus/a00006.txt"), env.path("corpus/z.txt")).unwrap();
    let c = resume_in(&env, "out");
    assert_eq!(c.inputs, 43);
    assert_eq!(
        c.reused,
        40 - 2 - 1 - 1,
        "only unchanged documents are reused"
    );
    full_run_equals(&env, "out");
}

#[test]
fn resume_reuses_nothing_when_config_lexicon_or_options_change() {
    let env = Env::new();
    env.generate("a", 10, 3);
    assert_eq!(env.run(&["corpus", "--out", "out"]).status.code(), Some(0));
    assert_eq!(resume_in(&env, "out").reused, 10);

    // The lexicon changes: every document may tag differently.
    let lex = format!("{}geo:ganja\tGanja\t\tLOC\n", common::LEXICON);
    env.write("lex.tsv", lex.as_bytes());
    assert_eq!(resume_in(&env, "out").reused, 0, "case lexicon changed");
    full_run_equals(&env, "out");
    assert_eq!(resume_in(&env, "out").reused, 10);

    // The config changes (even a comment: it is digested as bytes).
    let cfg = std::fs::read_to_string(env.path("newstag.toml")).unwrap() + "# changed\n";
    env.write("newstag.toml", cfg.as_bytes());
    assert_eq!(resume_in(&env, "out").reused, 0, "case config changed");
    full_run_equals(&env, "out");

    // An option changes (the binary, --keep-boilerplate).
    let o = env.run_loud(&["corpus", "--out", "out", "--resume", "--keep-boilerplate"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("processing everything"),
        "case option changed: {err}"
    );
}

#[test]
fn resume_ignores_an_output_that_does_not_match_its_manifest() {
    let env = Env::new();
    env.generate("a", 5, 4);
    assert_eq!(env.run(&["corpus", "--out", "out"]).status.code(), Some(0));
    let p = env.path("out/annotations.jsonl");
    let mut text = std::fs::read_to_string(&p).unwrap();
    text = text.replacen("Baku", "Bakx", 1);
    std::fs::write(&p, text).unwrap();
    let o = env.run_loud(&["corpus", "--out", "out", "--resume"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("does not match its manifest"), "{err}");
    full_run_equals(&env, "out");
    // No previous output at all.
    let o = env.run_loud(&["corpus", "--out", "fresh", "--resume"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no previous output"));
}

/// The `--resume` note (how much is reused) is a note, not a warning: `--quiet` silences it,
/// as it silences the summary line.
#[test]
fn quiet_silences_the_resume_note() {
    let env = Env::new();
    env.generate("q", 3, 5);
    let first = env.run(&["corpus", "--out", "out"]);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let loud = env.run_loud(&["corpus", "--out", "out", "--resume"]);
    let err = String::from_utf8_lossy(&loud.stderr);
    assert!(err.contains("newstag: --resume: 3 records of "), "{err}");
    // `Env::run` passes --quiet.
    let quiet = env.run(&["corpus", "--out", "out", "--resume"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(
        quiet.stderr.is_empty(),
        "stderr under --quiet: {}",
        String::from_utf8_lossy(&quiet.stderr)
    );
}

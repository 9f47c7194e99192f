//! Crashes and interruptions: a run killed (SIGKILL) or interrupted (SIGINT) in the middle leaves
//! the previous output folder byte for byte as it was, and no partial file under a final name.
//! (Kills at each step of the commit itself are in `faults.rs`.)

mod support;

use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::time::Duration;

use support::env::{listing, Env};

const FILES: usize = 1200;

/// A corpus of a few thousand articles and a committed previous output in `out/`.
fn setup() -> (Env, Vec<(String, Vec<u8>)>) {
    let env = Env::new();
    env.generate("a", FILES, 7);
    let o = env.run(&["corpus", "--out", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Change the inputs so the next run would write different files.
    env.generate("b", 50, 8);
    let before = env.output("out");
    (env, before)
}

/// The staging folders of runs into `out` (beside it, named `.out.newstag-staging-<run id>`).
fn staging_folders(env: &Env) -> Vec<PathBuf> {
    listing(env.dir.path())
        .into_iter()
        .filter(|n| n.starts_with(".out.newstag-staging-"))
        .map(|n| env.path(&n))
        .collect()
}

/// Starts a run on one thread and waits until its staging folder holds data.
fn start_and_wait_for_staging(env: &Env) -> Child {
    let mut child = env
        .command(&["corpus", "--out", "out", "--threads", "1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    loop {
        if staging_folders(env)
            .iter()
            .any(|d| std::fs::metadata(d.join("annotations.jsonl")).is_ok_and(|m| m.len() > 0))
        {
            return child;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run ended ({status}) before it staged any data: make the corpus bigger");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn assert_previous_output_intact(env: &Env, before: &[(String, Vec<u8>)]) {
    for ((name, now), (_, was)) in env.output("out").iter().zip(before) {
        assert!(now == was, "{name} changed under its final name");
    }
    for name in listing(&env.path("out")) {
        assert!(
            ["annotations.jsonl", "errors.jsonl", "manifest.json"].contains(&name.as_str()),
            "unexpected file {name} in out/"
        );
    }
}

#[test]
fn sigkill_mid_run_leaves_previous_output_intact_and_next_run_cleans_up() {
    let (env, before) = setup();
    let mut child = start_and_wait_for_staging(&env);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "the run was not killed: {status}");
    assert_previous_output_intact(&env, &before);
    let stale = staging_folders(&env);
    assert_eq!(
        stale.len(),
        1,
        "the killed run's staging folder should be left behind"
    );
    let stale = &stale[0];
    assert!(
        stale.join(".newstag-staging").exists(),
        "staging not marked as newstag's"
    );

    // The next run commits the new output and removes the dead run's staging folder.
    let o = env.run(&["corpus", "--out", "out"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!stale.exists(), "stale staging folder not removed");
    assert_eq!(
        listing(&env.path("out")),
        ["annotations.jsonl", "errors.jsonl", "manifest.json"]
    );
    let lines = std::fs::read_to_string(env.path("out/annotations.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(lines, FILES + 50);
}

#[test]
fn sigint_stops_cleanly_with_status_130_and_progress_message() {
    let (env, before) = setup();
    let child = start_and_wait_for_staging(&env);
    let pid = child.id();
    let kill = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    let total = FILES + 50;
    let msg = err
        .lines()
        .find(|l| l.contains("interrupted after"))
        .unwrap_or_else(|| panic!("{err}"));
    let done: usize = msg
        .split("interrupted after ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{msg}"));
    assert!(done > 0 && done < total, "{msg}");
    assert!(msg.contains(&format!("of {total} documents")), "{msg}");
    assert_previous_output_intact(&env, &before);
    assert!(staging_folders(&env).is_empty(), "staging not abandoned");
}

//! `newstag run`: annotates every input and commits the output folder.
//!
//! This is where reuse is decided (`--resume`): per input, the previous record is copied when
//! [`crate::resume::Previous`] has one for the same id, source and bytes, else the pipeline
//! processes the bytes already read. The pipeline itself knows nothing of previous outputs and
//! the writer only writes the [`Record`] it is handed.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::commit::OutDir;
use crate::digest::hex;
use crate::document::{ErrorRecord, Input};
use crate::error::{Error, Result};
use crate::layout::{REPORT, SCHEMA_VERSION};
use crate::messages::{Message, Progress};
use crate::output::{Counts, OutputWriter, Record};
use crate::pipeline::{Outcome, Pipeline};
use crate::resume::{open_previous, Previous, Reused, RunDigest};
use crate::settings::RunSettings;

use super::{required_inputs, start_threads};

/// One input's result in a run: processed now, or its previous record copied.
enum Done {
    /// Processed by the pipeline.
    Processed(Outcome),
    /// Unchanged since the previous output (`--resume`).
    Copied(Reused),
}

impl Done {
    fn id(&self) -> &str {
        match self {
            Done::Processed(o) => o.id(),
            Done::Copied(r) => &r.id,
        }
    }
}

/// `newstag run`: annotates every input and commits the output folder. Warnings and notes go to
/// `progress` as they arise.
pub fn run(settings: &RunSettings, progress: &dyn Progress) -> Result<Counts> {
    let mut pipeline = Pipeline::new(settings)?;
    let paths = required_inputs(settings)?;
    let globs = crate::input::patterns(&settings.config.input.patterns)?;
    // Locked once the config and lexicons are known to be sound (a bad one creates no folder),
    // before the walk (which must not see what a killed run left: it is cleaned up here) and the
    // slow passes, so a second run into the same folder fails at once; held until the commit is
    // done (see `commit`).
    let mut out = OutDir::open(&settings.out)?;
    forward(&out, progress);
    let mut found = crate::input::discover_with(&paths, &globs, Some(&settings.out))?;
    let skipped = std::mem::take(&mut found.skipped);
    if found.inputs.is_empty() && found.errors.is_empty() {
        // A folder of the wrong files (or a typo's empty folder) must not pass for a run.
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        progress.message(Message::Warning(format!(
            "no documents found in {}: no file matches input.patterns ({})",
            names.join(", "),
            settings.config.input.patterns.join(", ")
        )));
    }
    start_threads(settings.threads, found.inputs.len())?;
    // NOTE: the cross-document line table is counted over ALL inputs, before sharding, so that
    // every shard removes the same repeated lines as a single run would (a shard alone would
    // see only a third of the repeats). Distributed users pass one shared `--line-stats` table.
    if pipeline.needs_line_stats() {
        let stats = pipeline.count_lines(&found.inputs);
        pipeline.set_line_stats(stats);
    }
    if let Some(shard) = settings.shard {
        found.inputs.retain(|i| shard.contains(&i.id));
        found.errors.retain(|e| shard.contains(&e.id));
    }
    for w in std::mem::take(&mut found.warnings) {
        progress.message(Message::Warning(w));
    }
    let bytes: u64 = found.inputs.iter().map(|i| pipeline.input_len(i)).sum();
    let total = found.inputs.len() + found.errors.len();
    progress.start(total as u64, bytes);
    let run_digest = run_digest(settings, &pipeline);
    let previous = if settings.resume {
        let (previous, note) = open_previous(&settings.out, &run_digest);
        progress.message(note);
        previous
    } else {
        None
    };

    let mut writer = OutputWriter::create(&mut out)?;
    writer.set_run_digest(run_digest);
    writer.set_config_name(settings.choice.name());
    if settings.report {
        writer.derive(
            REPORT,
            Box::new(|annotations, out| {
                crate::report::write_file(annotations, out, &Default::default()).map(|_| ())
            }),
        );
    }
    let mut counts = Counts {
        skipped,
        ..Counts::default()
    };
    // Error records from discovery and per-document records are merged by id.
    let mut early = found.errors.into_iter().peekable();
    // Each worker also measures its annotated file (through the real path: a display `source`
    // of a non-UTF-8 name would not find it), so the writer thread makes no system call.
    let work = |i: &Input| {
        let done = process_or_reuse(&pipeline, previous.as_ref(), i);
        let n = match &done {
            Done::Processed(Outcome::Annotated(_)) => pipeline.input_len(i),
            Done::Copied(r) => r.bytes,
            Done::Processed(Outcome::Failed(_)) => 0,
        };
        (done, n)
    };
    let result = pipeline.run_with(&found.inputs, work, |(done, n)| {
        let id = done.id();
        while early.peek().is_some_and(|e| e.id.as_str() <= id) {
            let e = early.next().expect("peeked");
            counts.add_failed();
            writer.write(Record::Failed(&e))?;
            progress.advance(0);
        }
        let record = match &done {
            Done::Processed(Outcome::Annotated(d)) => {
                counts.add_annotated(d);
                counts.bytes += n;
                Record::Annotated(d)
            }
            Done::Processed(Outcome::Failed(e)) => {
                counts.add_failed();
                Record::Failed(e)
            }
            Done::Copied(r) => {
                counts.add_copied(r.bytes, &r.entities, r.removed);
                Record::Copied(&r.line)
            }
        };
        progress.advance(n);
        writer.write(record)
    });
    let result = result.and_then(|()| {
        for e in early {
            counts.add_failed();
            writer.write(Record::Failed(&e))?;
        }
        Ok(())
    });
    progress.finish();
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::Interrupted {
            writer.abandon();
            return Err(Error::Interrupted {
                done: counts.inputs,
                total,
                out: settings.out.clone(),
            });
        }
        return Err(writer.fail(&out, e));
    }
    let committed = writer.commit(
        &out,
        &settings.config.digest,
        pipeline.gazetteer().lexicon_info(),
        &counts,
    );
    forward(&out, progress);
    committed?;
    Ok(counts)
}

/// Hands the output folder's warnings so far to `progress`.
fn forward(out: &OutDir, progress: &dyn Progress) {
    for m in out.take_messages() {
        progress.message(m);
    }
}

/// Processes one input, or reuses its previous record when its bytes are unchanged. The file is
/// read and hashed once; a changed document is processed from the bytes already read.
fn process_or_reuse(pipeline: &Pipeline, previous: Option<&Previous>, input: &Input) -> Done {
    let Some(prev) = previous.filter(|p| p.contains(&input.id)) else {
        return Done::Processed(pipeline.process_file(input));
    };
    let raw = match pipeline.read(input) {
        Ok(raw) => raw,
        Err(error) => {
            return Done::Processed(Outcome::Failed(ErrorRecord {
                id: input.id.clone(),
                source: input.source.clone(),
                error,
            }))
        }
    };
    match prev.reuse(input, &Sha256::digest(&raw), raw.len() as u64) {
        Some(r) => Done::Copied(r),
        None => Done::Processed(pipeline.process(input, &raw)),
    }
}

/// The run digest of a `run`: version, record schema, config file, lexicons (name, path,
/// digest), each enabled rule file and each word list it loads (path, digest), the command-line
/// choices that change results (named one by one, [`RunSettings::digest_parts`]) and the set of
/// lines the cross-document table makes boilerplate (a new document that makes a line repeated
/// changes the results of every document holding it).
pub fn run_digest(settings: &RunSettings, pipeline: &Pipeline) -> String {
    let config = &settings.config;
    let mut d = RunDigest::new();
    // Reused records are copied as they stand: a record of an older schema must not be.
    d.add("schema", SCHEMA_VERSION);
    d.add("config", &config.digest);
    for l in pipeline.gazetteer().lexicon_info() {
        d.add("lexicon", &format!("{}\t{}\t{}", l.name, l.path, l.digest));
    }
    for (kind, what) in rule_inputs(settings) {
        d.add(kind, &what);
    }
    for (name, value) in settings.digest_parts() {
        d.add(name, &value);
    }
    if let Some(lines) = pipeline.repeated_lines() {
        let mut h = Sha256::new();
        for x in lines {
            h.update(x.to_le_bytes());
        }
        d.add("repeated-lines", &hex(&h.finalize()));
    }
    d.finish()
}

/// Every enabled rule file and every word list it loads through `[list_files]`, as
/// `("rules" | "rule-list", "path<TAB>digest")`, read the way [`crate::rules`] reads them (the
/// config's rule paths resolved against the config, list paths against the rule file). A file
/// that cannot be read counts as `unreadable`: the pipeline would not have been built.
fn rule_inputs(settings: &RunSettings) -> Vec<(&'static str, String)> {
    let config = &settings.config;
    let digest = |p: &Path| match std::fs::read(p) {
        Ok(b) => (hex(&Sha256::digest(&b)), Some(b)),
        Err(_) => ("unreadable".to_owned(), None),
    };
    let mut parts = Vec::new();
    for spec in config.rules.iter().filter(|r| r.enabled) {
        let path = config.resolve(&spec.path);
        let (d, bytes) = digest(&path);
        parts.push(("rules", format!("{}\t{d}", path.display())));
        let lists = bytes
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|t| t.parse::<toml::Table>().ok())
            .and_then(|mut t| t.remove("list_files"));
        let Some(toml::Value::Table(lists)) = lists else {
            continue;
        };
        for (name, file) in lists {
            let Some(file) = file.as_str() else { continue };
            let full = path.parent().unwrap_or(Path::new("")).join(file);
            let (d, _) = digest(&full);
            parts.push(("rule-list", format!("{name}\t{}\t{d}", full.display())));
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::messages::Collect;

    /// The library hands its warnings and notes back as values, in the order they arise: the
    /// walk's warning (a symlink loop) and the `--resume` note.
    #[test]
    fn run_returns_warnings_and_notes_as_messages() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(corpus.join("a.txt"), "Talks in Baku resumed on Monday.\n").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&corpus, corpus.join("loop")).unwrap();
        let config = Config::parse("", &dir.path().join("newstag.toml")).unwrap();
        let mut settings = RunSettings::from_config(config);
        settings.inputs = vec![corpus];
        settings.out = dir.path().join("out");
        settings.resume = true;
        let messages = Collect::default();
        let counts = run(&settings, &messages).unwrap();
        assert_eq!((counts.inputs, counts.annotated), (1, 1));
        let got = messages.0.into_inner().unwrap();
        let notes: Vec<&Message> = got.iter().filter(|m| m.is_note()).collect();
        assert_eq!(notes.len(), 1, "{got:?}");
        assert!(
            notes[0]
                .to_string()
                .contains("--resume: processing everything"),
            "{got:?}"
        );
        #[cfg(unix)]
        assert!(
            got.iter()
                .any(|m| matches!(m, Message::Warning(w) if w.contains("loop"))),
            "{got:?}"
        );
    }
}

//! # newstag
//!
//! Turns folders of news articles into an annotated JSONL corpus: every file is decoded,
//! normalized, stripped of boilerplate, language-tagged and tagged with people, places and
//! organizations from gazetteers, and every annotation points back at the raw bytes it came from.
//!
//! ## Where to start
//!
//! Follow one document: [`pipeline::Pipeline::process`] runs the stages in order; each stage is a
//! module that reads a small typed value and creates the next. The alignment type
//! [`text::NormalizedText`] carries the text through every stage and is the only thing that
//! touches offsets.
//!
//! | Stage | Module | Reads | Creates |
//! | --- | --- | --- | --- |
//! | config | [`config`] | `newstag.toml` | [`config::Config`] |
//! | inputs | [`input`] | input folders | [`document::Input`]s with ids |
//! | decode | [`decode`] | raw bytes | [`text::NormalizedText`] aligned to the bytes, encoding |
//! | normalize | [`normalize`] | text | normalized text (same alignment type) |
//! | boilerplate | [`boilerplate`] | text lines | removals with rule names, [`document::Meta`] |
//! | normalize (reflow) | [`normalize`] | body text | unwrapped paragraphs |
//! | language | [`language`] | body text | [`document::Language`] |
//! | gazetteer | [`gazetteer`] | body text, language | [`gazetteer::Mention`]s |
//! | rules | [`rules`] | body text, language, mentions | merged mentions (+ rule-found names) |
//! | name chains | [`chains`] | body text, language, mentions | surnames, acronyms and name parts linked (one sense per document) |
//! | output | [`output`] | [`document::Document`]s | `annotations.jsonl`, `errors.jsonl`, `manifest.json` |
//! | export | [`export`] | `annotations.jsonl` | spaCy JSONL and DocBin, brat, CoNLL-2003, mention, entity and co-occurrence CSV |
//! | report | [`report`] | `annotations.jsonl` | one self-contained HTML page (`report.html`) with search, entity index and pages |
//!
//! [`settings`] combines what the user typed with the config into one
//! [`settings::RunSettings`], built once per command; [`commands`] glues the stages for the CLI
//! (`run`, which also decides what `--resume` reuses, `stream`, `list`, `linestats`). They never
//! print: warnings and notes come back as [`messages::Message`]s and the binary shows them; [`exit_codes`] names the exit statuses; [`layout`] names the output folder's files.
//! [`eval`] scores output against
//! gold annotations; [`lexicon_command`] (reading the config) and
//! [`gazetteer::check`] are `newstag lexicon check|stats`. Inflected forms of
//! Russian, Azerbaijani and Turkish names are generated at compile time by
//! [`gazetteer::inflect`].
//! [`builtin`] holds the default config, lexicons and rules compiled into the binary (used when
//! no config file is found; `newstag init` writes them out).
//! [`resume`] reuses the records of unchanged documents from the previous output (`--resume`);
//! [`interrupt`] stops a run cleanly on SIGINT; [`commit`] locks the output folder and switches a
//! run's output in as one set.

// The library never prints: warnings and notes come back as `messages::Message`s and the
// binary (src/main.rs, with its own failure-proof `eprintln!`) shows them.

pub mod error;

pub mod exit_codes;

pub mod messages;

pub mod digest;

pub mod builtin;

pub mod config;

pub mod settings;

pub mod text;

pub mod document;

pub mod input;

pub mod decode;

pub mod normalize;

pub mod boilerplate;

pub mod language;

pub mod gazetteer;

pub mod rules;

pub mod chains;

pub mod pipeline;

pub mod layout;
pub mod lexicon_command;

pub mod output;

pub mod commit;

pub mod resume;

pub mod interrupt;

pub mod commands;

pub mod eval;

pub mod export;

pub mod report;

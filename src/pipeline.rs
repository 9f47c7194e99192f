//! The pipeline: every stage built once from the config, one document processed by
//! [`Pipeline::process`], and all documents by [`Pipeline::run`] in parallel, in order.

use std::io::Read;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::boilerplate::crossdoc::DocLines;
use crate::boilerplate::{Boilerplate, Finding, LineStats};
use crate::decode::{Codec, Decoder};
use crate::digest::hex;
use crate::document::{DocError, Document, Entity, ErrorKind, ErrorRecord, Input, Removal};
use crate::error::{Error, Result};
use crate::gazetteer::{Gazetteer, Mention};
use crate::language::LanguageDetector;
use crate::normalize::Normalizer;
use crate::output::Record;
use crate::rules::{Rules, RulesOptions};
use crate::settings::RunSettings;
use crate::text::{NormalizedText, RawSpan};

/// One document's result: a record for annotations.jsonl or for errors.jsonl.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Annotated.
    Annotated(Box<Document>),
    /// Failed, with the reason.
    Failed(ErrorRecord),
}

impl Outcome {
    /// The record id.
    pub fn id(&self) -> &str {
        match self {
            Outcome::Annotated(d) => &d.id,
            Outcome::Failed(e) => &e.id,
        }
    }

    /// The record to write.
    pub fn record(&self) -> Record<'_> {
        match self {
            Outcome::Annotated(d) => Record::Annotated(d),
            Outcome::Failed(e) => Record::Failed(e),
        }
    }
}

/// All stages, built once; shared read-only by the workers.
pub struct Pipeline {
    decoder: Decoder,
    normalizer: Normalizer,
    boilerplate: Boilerplate,
    language: LanguageDetector,
    gazetteer: Gazetteer,
    rules: Rules,
    max_doc_bytes: u64,
    keep_boilerplate: bool,
    line_stats: Option<LineStats>,
}

impl Pipeline {
    /// Builds every stage from the settings (loads lexicons, compiles rules and the automaton).
    pub fn new(opts: &RunSettings) -> Result<Pipeline> {
        let config = &opts.config;
        let encoding = &opts.encoding;
        let decoder = Decoder::new(encoding)
            .ok_or_else(|| Error::BadArgument(format!("unknown encoding {encoding:?}")))?;
        let normalizer = Normalizer::new(config.normalize.clone());
        let boilerplate = Boilerplate::new(&config.boilerplate, &config.path)?;
        let language = LanguageDetector::new(&config.language);
        let lexicons = opts
            .lexicons
            .options(&config.lexicons, &config.path, |p| config.resolve(p));
        let gazetteer = Gazetteer::load(&lexicons, &normalizer)?;
        let line_stats = match &opts.line_stats {
            Some(path) => Some(read_line_stats(path, &config.boilerplate.crossdoc)?),
            None => None,
        };
        let rules = Rules::load(&RulesOptions::new(&config.rules, &config.path, |p| {
            config.resolve(p)
        }))?;
        Ok(Pipeline {
            decoder,
            normalizer,
            boilerplate,
            language,
            gazetteer,
            rules,
            max_doc_bytes: config.input.max_doc_bytes,
            keep_boilerplate: opts.keep_boilerplate,
            line_stats,
        })
    }

    /// The cross-document layer is on and has no table yet: `run` must count one first.
    pub fn needs_line_stats(&self) -> bool {
        self.boilerplate.wants_line_stats() && self.line_stats.is_none()
    }

    /// Uses `stats` as the run's cross-document line table.
    pub fn set_line_stats(&mut self, stats: LineStats) {
        self.line_stats = Some(stats);
    }

    /// The first pass of cross-document boilerplate: decodes and normalizes every input (in
    /// parallel, chunk by chunk, like [`Pipeline::run`]), keeps each document's distinct line
    /// hashes and prose fingerprint, and counts each line once per distinct body (near-duplicate
    /// documents are one body). Documents that cannot be read or decoded are not counted (the
    /// annotation pass reports them).
    pub fn count_lines(&self, inputs: &[Input]) -> LineStats {
        let min_chars = self.boilerplate.crossdoc_options().min_chars;
        let chunk = (rayon::current_num_threads() * 64).max(64);
        let mut docs = Vec::new();
        for part in inputs.chunks(chunk) {
            let lines: Vec<Option<DocLines>> = part
                .par_iter()
                .map(|i| self.read(i).ok().and_then(|raw| self.doc_lines(&raw)))
                .collect();
            docs.extend(lines.into_iter().flatten());
        }
        LineStats::from_docs(min_chars, &docs)
    }

    /// The distinct line hashes of one document's raw bytes, as the annotation pass sees its lines.
    pub fn line_hashes(&self, raw: &[u8]) -> Option<Vec<u64>> {
        self.doc_lines(raw).map(|d| d.hashes)
    }

    /// What the first pass keeps of one document's raw bytes (line hashes and fingerprint).
    pub fn doc_lines(&self, raw: &[u8]) -> Option<DocLines> {
        let mut text = self.decoder.decode(raw).ok()?.text;
        self.normalizer.normalize(&mut text);
        let min_chars = self.boilerplate.crossdoc_options().min_chars;
        Some(crate::boilerplate::crossdoc::doc_lines(
            text.as_str(),
            min_chars,
        ))
    }

    /// The line hashes the cross-document layer treats as boilerplate in this run, sorted
    /// (`None` without a table): part of the run digest for `--resume`.
    pub fn repeated_lines(&self) -> Option<Vec<u64>> {
        let stats = self.line_stats.as_ref()?;
        Some(stats.repeated(self.boilerplate.crossdoc_options()))
    }

    /// The run's cross-document line table, once counted or read.
    pub fn line_stats(&self) -> Option<&LineStats> {
        self.line_stats.as_ref()
    }

    /// The gazetteer (for the manifest).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Reads one input file and processes it.
    pub fn process_file(&self, input: &Input) -> Outcome {
        match self.read(input) {
            Ok(raw) => self.process(input, &raw),
            Err(error) => Outcome::Failed(ErrorRecord {
                id: input.id.clone(),
                source: input.source.clone(),
                error,
            }),
        }
    }

    /// Reads a file, refusing (without reading it whole) one over `max_doc_bytes`.
    ///
    /// A file found by the walk is opened non-blocking and must still be a regular file once
    /// open (checked on the open handle): a file replaced by a FIFO after listing is an `io`
    /// error, never a read that waits forever. An input marked [`Input::read_once`] (a pipe given
    /// on the command line) is read the first time and its bytes are kept; it is opened
    /// non-blocking too, so a FIFO without a writer reads as empty instead of waiting for one.
    pub fn read(&self, input: &Input) -> std::result::Result<Vec<u8>, DocError> {
        match &input.once {
            Some(cell) => cell.get_or_init(|| self.read_file(input, true)).clone(),
            None => self.read_file(input, false),
        }
    }

    /// The raw size of an input, as far as known without reading it (for progress and counts).
    pub fn input_len(&self, input: &Input) -> u64 {
        match input.once.as_ref().and_then(|c| c.get()) {
            Some(Ok(raw)) => raw.len() as u64,
            Some(Err(_)) => 0,
            None => std::fs::metadata(&input.path).map_or(0, |m| m.len()),
        }
    }

    fn read_file(&self, input: &Input, special: bool) -> std::result::Result<Vec<u8>, DocError> {
        let io_err = |e: std::io::Error| DocError {
            kind: ErrorKind::Io,
            message: format!("{}: {e}", input.source),
        };
        let mut open = std::fs::OpenOptions::new();
        open.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // O_NONBLOCK: opening a FIFO without a writer returns at once (no effect on a
            // regular file's reads).
            open.custom_flags(NONBLOCK);
        }
        let file = open.open(&input.path).map_err(io_err)?;
        let meta = file.metadata().map_err(io_err)?;
        if !special {
            if let Some(kind) = crate::input::special_kind(&meta.file_type()) {
                return Err(DocError {
                    kind: ErrorKind::Io,
                    message: format!("{}: not a regular file ({kind}): not read", input.source),
                });
            }
            if meta.is_dir() {
                return Err(io_err(std::io::Error::other("is a folder, not a file")));
            }
        }
        let len = meta.len();
        let too_large = |n: u64| DocError {
            kind: ErrorKind::TooLarge,
            message: format!(
                "{}: {n} bytes is over max_doc_bytes ({})",
                input.source, self.max_doc_bytes
            ),
        };
        if len > self.max_doc_bytes {
            return Err(too_large(len));
        }
        let mut raw = Vec::with_capacity(len as usize);
        // The file may have grown since it was measured: never read past the limit.
        let mut limited = file.take(self.max_doc_bytes + 1);
        if special {
            read_pipe(&mut limited, &mut raw).map_err(io_err)?;
        } else {
            limited.read_to_end(&mut raw).map_err(io_err)?;
        }
        if raw.len() as u64 > self.max_doc_bytes {
            return Err(too_large(raw.len() as u64));
        }
        Ok(raw)
    }

    /// Processes one document's raw bytes: the stages in order.
    pub fn process(&self, input: &Input, raw: &[u8]) -> Outcome {
        let decoded = self.decoder.decode(raw);
        self.outcome(input, raw, decoded)
    }

    /// Processes one document that is already Unicode text (a `stream` line): it is never
    /// decoded again; raw offsets are bytes of its UTF-8.
    pub fn process_text(&self, input: &Input, text: &str) -> Outcome {
        let decoded = self.decoder.decode_unicode(text);
        self.outcome(input, text.as_bytes(), decoded)
    }

    fn outcome(
        &self,
        input: &Input,
        raw: &[u8],
        decoded: std::result::Result<crate::decode::Decoded, DocError>,
    ) -> Outcome {
        match decoded.and_then(|d| self.annotate(input, raw, d)) {
            Ok(doc) => Outcome::Annotated(Box::new(doc)),
            Err(mut error) => {
                if !error.message.starts_with(&input.source) {
                    error.message = format!("{}: {}", input.source, error.message);
                }
                Outcome::Failed(ErrorRecord {
                    id: input.id.clone(),
                    source: input.source.clone(),
                    error,
                })
            }
        }
    }

    fn annotate(
        &self,
        input: &Input,
        raw: &[u8],
        decoded: crate::decode::Decoded,
    ) -> std::result::Result<Document, DocError> {
        let mut warnings = repair_warnings(&decoded);
        let mut text = decoded.text;
        self.normalizer.normalize(&mut text);
        let detection = self
            .boilerplate
            .detect_with(text.as_str(), self.line_stats.as_ref());
        let mut removed = removals(&text, &detection.findings, raw, decoded.codec);
        warnings.extend(detection.warnings.iter().cloned());
        if !self.keep_boilerplate {
            remove(&mut text, &detection.findings);
        }
        self.normalizer.reflow(&mut text);
        place_removed(&text, &mut removed, self.keep_boilerplate);
        if text.as_str().trim().is_empty() {
            warnings.push("the whole document was boilerplate".into());
        }
        let lang = self.language.detect(text.as_str());
        let mentions = self.gazetteer.tag(text.as_str(), &lang.code);
        let mentions = self.rules.apply(text.as_str(), mentions, &lang.code);
        let mentions = crate::chains::link(text.as_str(), &lang.code, mentions);
        let mut entities = entities(&text, mentions);
        if !self.keep_boilerplate {
            let dropped = drop_seamed(&mut entities, &removed);
            if dropped > 0 {
                warnings.push(format!(
                    "{dropped} {} dropped: read across a removed boilerplate line, so no raw \
                     span holds {}",
                    if dropped == 1 { "entity" } else { "entities" },
                    if dropped == 1 { "it" } else { "them" },
                ));
            }
        }
        Ok(Document {
            id: input.id.clone(),
            source: input.source.clone(),
            sha256: hex(&Sha256::digest(raw)),
            encoding: decoded.codec.name().to_string(),
            lang,
            meta: detection.meta,
            text: text.into_string(),
            entities,
            removed,
            warnings,
        })
    }

    /// Processes `inputs` in parallel and hands every outcome to `sink` in input order.
    pub fn run<F>(&self, inputs: &[Input], sink: F) -> std::io::Result<()>
    where
        F: FnMut(Outcome) -> std::io::Result<()>,
    {
        self.run_with(inputs, |i| self.process_file(i), sink)
    }

    /// Applies `work` to `inputs` in parallel and hands every result to `sink` in input order.
    ///
    /// Documents go through in chunks: a chunk is processed in parallel (indexed, order-keeping
    /// `par_iter`) and then written in order, so memory stays bounded by the chunk size whatever
    /// the corpus size. Up to two chunks (`IN_FLIGHT`) are in flight at once: the workers start on
    /// the next chunk while the slowest documents of the current one finish and while it is
    /// written, so no thread waits at chunk boundaries. `sink` errors (a full disk) stop the run. A stop
    /// requested through [`crate::interrupt`] lets every worker finish its document, starts no
    /// new one, and returns an [`std::io::ErrorKind::Interrupted`] error.
    pub fn run_with<T, P, F>(&self, inputs: &[Input], work: P, mut sink: F) -> std::io::Result<()>
    where
        T: Send,
        P: Fn(&Input) -> T + Sync,
        F: FnMut(T) -> std::io::Result<()>,
    {
        let chunk = (rayon::current_num_threads() * 16).max(16);
        std::thread::scope(|scope| {
            let mut parts = inputs.chunks(chunk);
            let mut pending = std::collections::VecDeque::new();
            loop {
                while pending.len() < IN_FLIGHT {
                    let Some(part) = parts.next() else { break };
                    let work = &work;
                    pending.push_back(scope.spawn(move || -> Vec<Option<T>> {
                        part.par_iter()
                            .map(|i| (!crate::interrupt::requested()).then(|| work(i)))
                            .collect()
                    }));
                }
                let Some(next) = pending.pop_front() else {
                    return Ok(());
                };
                let outcomes = next
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                for o in outcomes {
                    sink(o.ok_or_else(crate::interrupt::error)?)?;
                }
            }
        })
    }
}

/// Reads a pipe opened non-blocking to its end: waits (briefly, polling) while its writer is
/// slow, ends at once when there is no writer, and stops on Ctrl-C.
fn read_pipe(r: &mut impl Read, raw: &mut Vec<u8>) -> std::io::Result<()> {
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match r.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if crate::interrupt::requested() {
                    return Err(crate::interrupt::error());
                }
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// `O_NONBLOCK` (std has no portable name for it).
#[cfg(any(target_os = "linux", target_os = "android"))]
const NONBLOCK: i32 = 0o4000;
#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
const NONBLOCK: i32 = 0x0004;

/// Chunks of documents processed at once by [`Pipeline::run`].
const IN_FLIGHT: usize = 2;

/// Reads a `--line-stats` table made with the same line keys as this config.
fn read_line_stats(
    path: &std::path::Path,
    opts: &crate::boilerplate::CrossDocOptions,
) -> Result<LineStats> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let stats = LineStats::read(std::io::BufReader::new(file), path)?;
    if stats.min_chars != opts.min_chars {
        return Err(Error::parse(
            path,
            Some(1),
            format!(
                "table counted with min_chars = {}, the config has {}",
                stats.min_chars, opts.min_chars
            ),
        ));
    }
    Ok(stats)
}

fn repair_warnings(d: &crate::decode::Decoded) -> Vec<String> {
    let mut w = Vec::new();
    if d.replaced > 0 {
        w.push(format!(
            "replaced {} invalid byte sequence(s) with U+FFFD",
            d.replaced
        ));
    }
    if let (crate::decode::Codec::Utf8With(strays), true) = (d.codec, d.repaired > 0) {
        w.push(format!(
            "read {} invalid UTF-8 byte(s) as {}",
            d.repaired,
            strays.legacy().name()
        ));
    }
    if d.guessed {
        w.push(format!("encoding guessed as {}", d.encoding()));
    }
    w
}

/// The audit trail of what boilerplate detection claimed, in raw coordinates.
fn removals(text: &NormalizedText, findings: &[Finding], raw: &[u8], codec: Codec) -> Vec<Removal> {
    findings
        .iter()
        .map(|f| {
            let r = text.raw_range(f.range.clone());
            let bytes = &raw[r.start as usize..r.end as usize];
            Removal {
                rule: f.rule.clone(),
                at: None,
                start: None,
                end: None,
                raw_start: r.start as usize,
                raw_end: r.end as usize,
                text: codec.decode_str(bytes),
            }
        })
        .collect()
}

/// Records where each removed segment sits in the final `text`: `at`, and `start`/`end` when the
/// text keeps it. Found from its raw span ([`NormalizedText::locate_raw`]), so the place is exact
/// whatever the steps after detection (the cut, the reflow) did to the text.
fn place_removed(text: &NormalizedText, removed: &mut [Removal], kept: bool) {
    let raws: Vec<RawSpan> = removed
        .iter()
        .map(|r| RawSpan::new(r.raw_start, r.raw_end))
        .collect();
    for (r, c) in removed.iter_mut().zip(text.locate_raw(&raws)) {
        r.at = Some(c.start);
        if kept {
            (r.start, r.end) = (Some(c.start), Some(c.end));
        }
    }
}

/// Deletes the findings from the text.
fn remove(text: &mut NormalizedText, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    text.rewrite(|s, rw| {
        let mut kept = 0;
        for f in findings {
            rw.keep(kept..f.range.start);
            kept = f.range.end;
        }
        rw.keep(kept..s.len());
    });
}

/// Drops the entities whose raw span holds a removed segment, and returns how many: the text
/// closed up where the segment was cut and the reflow joined the lines around it ("New",
/// "Advertisement", "York" read "New York"), so the mention is in `text` but no raw span is its
/// text (the offsets' promise). `removed` is in raw order and its segments do not overlap.
fn drop_seamed(entities: &mut Vec<Entity>, removed: &[Removal]) -> usize {
    let cuts: Vec<(usize, usize)> = removed
        .iter()
        .map(|r| (r.raw_start, r.raw_end))
        .filter(|(a, b)| a < b)
        .collect();
    debug_assert!(
        cuts.windows(2).all(|w| w[0].1 <= w[1].0),
        "cuts in raw order"
    );
    let before = entities.len();
    entities.retain(|e| {
        // The first cut that ends after the entity starts: inside the entity when it starts
        // before the entity ends.
        let i = cuts.partition_point(|c| c.1 <= e.raw_start);
        cuts.get(i).map_or(true, |c| c.0 >= e.raw_end)
    });
    before - entities.len()
}

/// Mentions located in code points and raw bytes.
fn entities(text: &NormalizedText, mentions: Vec<Mention>) -> Vec<Entity> {
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let located = text.locate(&spans);
    let s = text.as_str();
    mentions
        .into_iter()
        .zip(located)
        .map(|(m, l)| Entity {
            start: l.chars.0,
            end: l.chars.1,
            text: s[m.start..m.end].to_string(),
            label: m.label.to_string(),
            id: m.id.to_string(),
            name: m.name.to_string(),
            lexicon: m.lexicon.to_string(),
            resolved_by: m.resolved_by.to_string(),
            raw_start: l.raw.0,
            raw_end: l.raw.1,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Pipeline>();
    }
}

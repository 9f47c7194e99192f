//! Where the time goes: runs each pipeline stage over a folder on one thread and prints the
//! seconds and MB/s of each (the profile in numbers, steadier than sampling on a busy machine).
//!
//!     cargo run --release --example stages -- [--config newstag.toml] [--lexicon FILE]... INPUT
//!
//! The stages run in the pipeline's order on the same data the pipeline gives them; the
//! cross-document table is counted first (timed as `crossdoc count`). Removal of findings, JSON
//! and I/O are not in the per-stage figures (the name chains are, as `chains`); `whole pipeline` runs `Pipeline::process` on the same
//! documents for comparison.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newstag::boilerplate::Boilerplate;
use newstag::config::Config;
use newstag::decode::Decoder;
use newstag::gazetteer::Gazetteer;
use newstag::language::LanguageDetector;
use newstag::normalize::Normalizer;
use newstag::pipeline::Pipeline;
use newstag::rules::{Rules, RulesOptions};
use newstag::settings::RunSettings;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut config = PathBuf::from("newstag.toml");
    let mut lexicons = Vec::new();
    let mut input = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--config" => config = args.next().expect("--config FILE").into(),
            "--lexicon" => lexicons.push(PathBuf::from(args.next().expect("--lexicon FILE"))),
            _ => input = Some(PathBuf::from(a)),
        }
    }
    let input = input.expect("usage: stages [--config F] [--lexicon F]... INPUT");
    let config = Config::load(&config).expect("config");
    let globs = newstag::input::patterns(&config.input.patterns).expect("patterns");
    let inputs = newstag::input::discover(&[input], &globs)
        .expect("inputs")
        .inputs;
    let raws: Vec<Vec<u8>> = inputs
        .iter()
        .map(|i| std::fs::read(&i.path).expect("read"))
        .collect();
    let bytes: usize = raws.iter().map(Vec::len).sum();

    // As `run --no-default-lexicons --lexicon F`: the files replace the config's lexicons, like
    // the gazetteer built below.
    let mut opts = RunSettings::from_config(config.clone());
    opts.lexicons = newstag::gazetteer::CliLexicons {
        paths: lexicons.clone(),
        label: None,
        replace: !lexicons.is_empty(),
    };
    let decoder = Decoder::new(&config.input.encoding).expect("encoding");
    let normalizer = Normalizer::new(config.normalize.clone());
    let boilerplate = Boilerplate::new(&config.boilerplate, &config.path).expect("boilerplate");
    let language = LanguageDetector::new(&config.language);
    let gaz_opts = newstag::lexicon_command::options(&config, &lexicons, None);
    let gazetteer = Gazetteer::load(&gaz_opts, &normalizer).expect("gazetteer");
    let rules = Rules::load(&RulesOptions::new(&config.rules, &config.path, |p| {
        config.resolve(p)
    }))
    .expect("rules");
    let mut pipeline = Pipeline::new(&opts).expect("pipeline");

    let mut t = Times::default();
    let start = Instant::now();
    if pipeline.needs_line_stats() {
        pipeline.set_line_stats(pipeline.count_lines(&inputs));
    }
    t.add("crossdoc count", start.elapsed());
    let stats = pipeline.line_stats();

    let mut first = true;
    for raw in &raws {
        let s = Instant::now();
        let Ok(decoded) = decoder.decode(raw) else {
            continue;
        };
        t.add("decode", s.elapsed());
        let mut text = decoded.text;
        let s = Instant::now();
        normalizer.normalize(&mut text);
        t.add("normalize", s.elapsed());
        let s = Instant::now();
        let detection = boilerplate.detect_with(text.as_str(), stats);
        t.add("boilerplate", s.elapsed());
        if first {
            // (Part of the row above: what the lazily built tables and regexes cost the first
            // document.)
            t.add("bp 1st document", s.elapsed());
            first = false;
        }
        let s = Instant::now();
        let lang = language.detect(text.as_str());
        t.add("language", s.elapsed());
        let s = Instant::now();
        let mentions = gazetteer.tag(text.as_str(), &lang.code);
        t.add("gazetteer", s.elapsed());
        let s = Instant::now();
        let mentions = rules.apply(text.as_str(), mentions, &lang.code);
        t.add("rules", s.elapsed());
        let s = Instant::now();
        let mentions = newstag::chains::link(text.as_str(), &lang.code, mentions);
        t.add("chains", s.elapsed());
        std::hint::black_box((detection, mentions));
    }
    let s = Instant::now();
    for (input, raw) in inputs.iter().zip(&raws) {
        std::hint::black_box(pipeline.process(input, raw));
    }
    t.add("whole pipeline", s.elapsed());

    println!("{} documents, {:.1} MB", inputs.len(), bytes as f64 / 1e6);
    for (name, d) in &t.0 {
        let secs = d.as_secs_f64();
        println!(
            "{name:>16}: {secs:7.3} s  {:8.1} MB/s",
            bytes as f64 / 1e6 / secs.max(1e-9)
        );
    }
}

#[derive(Default)]
struct Times(Vec<(&'static str, Duration)>);

impl Times {
    fn add(&mut self, name: &'static str, d: Duration) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, total)) => *total += d,
            None => self.0.push((name, d)),
        }
    }
}

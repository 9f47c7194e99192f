//! The boilerplate stage alone, for instruction counts: decodes and normalizes INPUT with the
//! shipped config, runs the stage on the first document (`bp_first_doc`: what the lazily built
//! tables and regexes cost) and once over all to warm up, then REPS measured passes inside
//! `bp_measured_pass`, so callgrind counts only those:
//!
//!     valgrind --tool=callgrind --toggle-collect='*bp_measured_pass*' \
//!         target/release/examples/bp_profile INPUT [REPS]
//!
//! With `BP_EVICT=BYTES` in the environment, the measured passes write BYTES of other memory
//! between two documents (outside `bp_measured_doc`, which the stage runs in then), as the
//! pipeline's other stages do: each document starts with cold caches, as in `examples/stages`
//! and in a run. With callgrind's cache simulation (`--cache-sim=yes`, toggled on
//! `*bp_measured_doc*`), the misses counted are those of a stage whose tables and regex caches
//! were evicted since the last document.
use std::path::PathBuf;

use newstag::boilerplate::{Boilerplate, Detection, LineStats};
use newstag::config::Config;
use newstag::decode::Decoder;
use newstag::normalize::Normalizer;
use newstag::pipeline::Pipeline;
use newstag::settings::RunSettings;

#[inline(never)]
fn bp_first_doc(bp: &Boilerplate, text: &str, stats: Option<&LineStats>) -> Detection {
    bp.detect_with(text, stats)
}

#[inline(never)]
fn bp_warm_pass(bp: &Boilerplate, texts: &[String], stats: Option<&LineStats>) -> Vec<Detection> {
    texts.iter().map(|t| bp.detect_with(t, stats)).collect()
}

#[inline(never)]
fn bp_measured_pass(
    bp: &Boilerplate,
    texts: &[String],
    stats: Option<&LineStats>,
) -> Vec<Detection> {
    texts.iter().map(|t| bp.detect_with(t, stats)).collect()
}

#[inline(never)]
fn bp_measured_doc(bp: &Boilerplate, text: &str, stats: Option<&LineStats>) -> Detection {
    bp.detect_with(text, stats)
}

/// A measured pass with `evict` overwritten before each document.
#[inline(never)]
fn bp_evicted_pass(
    bp: &Boilerplate,
    texts: &[String],
    stats: Option<&LineStats>,
    evict: &mut [u8],
) -> Vec<Detection> {
    texts
        .iter()
        .enumerate()
        .map(|(n, t)| {
            evict.fill(n as u8);
            std::hint::black_box(&evict);
            bp_measured_doc(bp, t, stats)
        })
        .collect()
}

fn main() {
    let input = PathBuf::from(std::env::args().nth(1).expect("INPUT"));
    let reps: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(1);
    let evict: usize = std::env::var("BP_EVICT")
        .ok()
        .map_or(0, |s| s.parse().expect("BP_EVICT=BYTES"));
    let config = Config::load(std::path::Path::new("newstag.toml")).expect("config");
    let globs = newstag::input::patterns(&config.input.patterns).expect("patterns");
    let inputs = newstag::input::discover(&[input], &globs)
        .expect("inputs")
        .inputs;
    let opts = RunSettings::from_config(config.clone());
    let decoder = Decoder::new(&config.input.encoding).expect("encoding");
    let normalizer = Normalizer::new(config.normalize.clone());
    let boilerplate = Boilerplate::new(&config.boilerplate, &config.path).expect("boilerplate");
    let mut pipeline = Pipeline::new(&opts).expect("pipeline");
    if pipeline.needs_line_stats() {
        pipeline.set_line_stats(pipeline.count_lines(&inputs));
    }
    let stats = pipeline.line_stats();
    let texts: Vec<String> = inputs
        .iter()
        .filter_map(|i| {
            let raw = std::fs::read(&i.path).ok()?;
            let mut t = decoder.decode(&raw).ok()?.text;
            normalizer.normalize(&mut t);
            Some(t.as_str().to_string())
        })
        .collect();
    let s = std::time::Instant::now();
    if let Some(t) = texts.first() {
        std::hint::black_box(bp_first_doc(&boilerplate, t, stats));
    }
    let first = s.elapsed().as_secs_f64();
    let s = std::time::Instant::now();
    std::hint::black_box(bp_warm_pass(&boilerplate, &texts, stats));
    let warm = s.elapsed().as_secs_f64();
    eprintln!(
        "first document (cold): {:.1} ms; first pass: {warm:.3} s",
        first * 1e3
    );
    let mut buffer = vec![0u8; evict];
    let s = std::time::Instant::now();
    for _ in 0..reps {
        if evict > 0 {
            std::hint::black_box(bp_evicted_pass(&boilerplate, &texts, stats, &mut buffer));
        } else {
            std::hint::black_box(bp_measured_pass(&boilerplate, &texts, stats));
        }
    }
    eprintln!("boilerplate x{reps}: {:.3} s", s.elapsed().as_secs_f64());
}

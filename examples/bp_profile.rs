//! The boilerplate stage alone, for instruction counts: decodes and normalizes INPUT with the
//! shipped config, runs the stage once to warm up (lazy tables and regexes), then REPS measured
//! passes inside `bp_measured_pass`, so callgrind counts only those:
//!
//!     valgrind --tool=callgrind --toggle-collect='*bp_measured_pass*' \
//!         target/release/examples/bp_profile INPUT [REPS]
use std::path::PathBuf;

use newstag::boilerplate::{Boilerplate, Detection, LineStats};
use newstag::config::Config;
use newstag::decode::Decoder;
use newstag::normalize::Normalizer;
use newstag::pipeline::Pipeline;
use newstag::settings::RunSettings;

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

fn main() {
    let input = PathBuf::from(std::env::args().nth(1).expect("INPUT"));
    let reps: usize = std::env::args()
        .nth(2)
        .map(|s| s.parse().unwrap())
        .unwrap_or(1);
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
    std::hint::black_box(bp_warm_pass(&boilerplate, &texts, stats));
    let s = std::time::Instant::now();
    for _ in 0..reps {
        std::hint::black_box(bp_measured_pass(&boilerplate, &texts, stats));
    }
    eprintln!("boilerplate x{reps}: {:.3} s", s.elapsed().as_secs_f64());
}

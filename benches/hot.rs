//! Criterion benches of the hot functions, on the seed corpus with the shipped config and
//! lexicons: decode + normalize, gazetteer matching, boilerplate detection (line features and
//! rules), the whole per-document pipeline, and writing one JSON record.
//!
//!     cargo bench --bench hot            # all
//!     cargo bench --bench hot -- match   # one group

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newstag::boilerplate::Boilerplate;
use newstag::config::Config;
use newstag::decode::Decoder;
use newstag::document::Input;
use newstag::gazetteer::Gazetteer;
use newstag::normalize::Normalizer;
use newstag::pipeline::Pipeline;
use newstag::settings::RunSettings;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect()
}

fn config() -> Config {
    Config::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("newstag.toml")).expect("config")
}

fn benches(c: &mut Criterion) {
    let config = config();
    let docs = seeds();
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let decoder = Decoder::new("auto").expect("decoder");
    let normalizer = Normalizer::new(config.normalize.clone());
    let texts: Vec<String> = docs
        .iter()
        .map(|(_, raw)| {
            let mut t = decoder.decode(raw).expect("decode").text;
            normalizer.normalize(&mut t);
            t.as_str().to_string()
        })
        .collect();

    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("decode+normalize", |b| {
        b.iter(|| {
            for (_, raw) in &docs {
                let mut t = decoder.decode(raw).expect("decode").text;
                normalizer.normalize(&mut t);
                std::hint::black_box(t.as_str().len());
            }
        })
    });
    g.finish();

    let lexicons = newstag::lexicon_command::options(&config, &[], None);
    let gazetteer = Gazetteer::load(&lexicons, &normalizer).expect("lexicons");
    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("gazetteer.tag", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(gazetteer.tag(t, "eng").len());
            }
        })
    });
    g.finish();

    let boilerplate = Boilerplate::new(&config.boilerplate, &config.path).expect("boilerplate");
    let mut g = c.benchmark_group("boilerplate");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("detect", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(boilerplate.detect(t).findings.len());
            }
        })
    });
    g.finish();

    let pipeline = Pipeline::new(&RunSettings::from_config(config.clone())).expect("pipeline");
    let inputs: Vec<Input> = docs
        .iter()
        .map(|(name, _)| Input::file(name.clone(), name.into()))
        .collect();
    let mut g = c.benchmark_group("document");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("process", |b| {
        b.iter(|| {
            for (input, (_, raw)) in inputs.iter().zip(&docs) {
                std::hint::black_box(pipeline.process(input, raw));
            }
        })
    });
    let outcomes: Vec<_> = inputs
        .iter()
        .zip(&docs)
        .map(|(i, (_, raw))| pipeline.process(i, raw))
        .collect();
    g.bench_function("json write", |b| {
        b.iter_batched_ref(
            || Vec::with_capacity(1 << 16),
            |out| {
                for o in &outcomes {
                    newstag::output::write_record(out, o.record()).expect("write");
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(hot, benches);
criterion_main!(hot);

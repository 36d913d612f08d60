//! Throughput of `extract` on the development-set texts, in MB/s of UTF-8 input.
//!
//! Run with `make bench-native` (or `cargo bench --bench extract`). The texts are read
//! from `../shared/gold` and repeated to about 1 MB so one iteration is long enough to
//! time well.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use zhupi_core::eval::load_gold_dir;
use zhupi_core::{extract, Kind, Options};

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold");
    let docs = load_gold_dir(&dir).expect("../shared/gold");
    let one: String = docs
        .iter()
        .map(|(_, d)| d.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(30);
    group.bench_function("all kinds", |b| {
        b.iter(|| extract(black_box(&text), &Options::default()))
    });
    let figures = Options {
        kinds: vec![Kind::Figure],
        ..Options::default()
    };
    group.bench_function("figures only", |b| {
        b.iter(|| extract(black_box(&text), &figures))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

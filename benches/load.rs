//! Loading a collection file (read, frame, validate, normalise) at 10k and
//! 100k synthetic articles in the four layouts collections come in:
//! a compact array on one line, an indented array, JSON Lines, and
//! indented objects one after another. Throughput should not depend on
//! the layout.
//!
//! cargo bench --bench load             # both sizes
//! TINTUC_BENCH_SIZES=10000 cargo bench --bench load

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/sizes.rs"]
mod sizes;
use corpus::Generator;
use sizes::sizes;
use tintuc::load::layout::{Layout, LayoutWriter};
use tintuc::load::{self, DataSource};

fn write_files(generator: &Generator, n: usize, dir: &Path) -> std::io::Result<()> {
    let mut files = Vec::new();
    for layout in Layout::ALL {
        let out = BufWriter::new(File::create(dir.join(layout.file_name()))?);
        files.push((out, LayoutWriter::new(layout)));
    }
    for start in (0..n).step_by(4096) {
        let chunk: Vec<_> = (start..(start + 4096).min(n))
            .map(|i| generator.article(1, i))
            .collect();
        for (out, writer) in &mut files {
            for a in &chunk {
                writer.write(a, out)?;
            }
        }
    }
    for (mut out, writer) in files {
        writer.finish(&mut out)?;
        out.flush()?;
    }
    Ok(())
}

fn benches(c: &mut Criterion) {
    let generator = Generator::new();
    for n in sizes() {
        let Ok(dir) = tempfile::Builder::new().prefix("tintuc-load").tempdir() else {
            continue;
        };
        if let Err(e) = write_files(&generator, n, dir.path()) {
            eprintln!("load/{n}: cannot write the corpus: {e}");
            continue;
        }
        let big = n >= 50_000;
        let mut g = c.benchmark_group(format!("load-file/{}k", n / 1000));
        g.sample_size(10);
        g.measurement_time(Duration::from_secs(if big { 40 } else { 10 }));
        for layout in Layout::ALL {
            let path = dir.path().join(layout.file_name());
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let source = DataSource::Path(path);
            let check = load::read(&source);
            assert_eq!(check.articles.len(), n, "{:?}", check.problems.first());
            drop(check);
            g.throughput(Throughput::Bytes(size));
            g.bench_function(layout.name(), |b| {
                b.iter(|| load::read(&source).articles.len())
            });
        }
        g.finish();
    }
}

criterion_group!(load_benches, benches);
criterion_main!(load_benches);

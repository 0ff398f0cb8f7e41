//! Writes a synthetic collection for benchmarks.
//!
//! cargo run --release --example gen_corpus -- N OUT.json [--seed S] [--lines OUT.txt]
//!     [--layout compact|pretty|lines|concatenated] [--first K]
//! cargo run --release --example gen_corpus -- N OUT_DIR --files [--first K]
//!
//! `--files` writes each article as a file of its own
//! (`OUT_DIR/<K / 1000>/<K>.json`), as a directory of scraped pages
//! would be. `--first` numbers the articles from K (default 0), so that a
//! second run adds articles of their own to a collection.
//! `--layout` writes the collection in that layout (default: an array
//! with one compact article per line).
//! `--lines` also writes the same articles one per line (date | places |
//! title | body), for line-oriented tools such as `fzf --filter`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use rayon::prelude::*;
#[path = "../benches/support/corpus.rs"]
mod corpus;
use corpus::{Generator, to_line};
use tintuc::load::layout::{Layout, LayoutWriter};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut positional = Vec::new();
    let mut seed = 1u64;
    let mut lines = None;
    let mut layout = None;
    let mut files = false;
    let mut first = 0usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seed" => match it.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a number"),
            },
            "--layout" => match it.next().and_then(|l| Layout::from_name(l)) {
                Some(l) => layout = Some(l),
                None => return usage("--layout needs compact, pretty, lines or concatenated"),
            },
            "--files" => files = true,
            "--first" => match it.next().and_then(|s| s.parse().ok()) {
                Some(k) => first = k,
                None => return usage("--first needs a number"),
            },
            "--lines" => match it.next() {
                Some(p) => lines = Some(p.clone()),
                None => return usage("--lines needs a path"),
            },
            _ => positional.push(a.clone()),
        }
    }
    let (Some(n), Some(out)) = (positional.first(), positional.get(1)) else {
        return usage("need N and OUT.json");
    };
    let Ok(n) = n.parse::<usize>() else {
        return usage("N must be a number");
    };
    let generator = Generator::new();
    if files {
        return match write_files(&generator, seed, first..first + n, out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen_corpus: {e}");
                ExitCode::from(1)
            }
        };
    }
    let numbers = first..first + n;
    let write = || -> std::io::Result<()> {
        let mut w = BufWriter::new(File::create(out)?);
        match layout {
            None if first == 0 => generator.write_json(n, seed, &mut w)?,
            None => {
                let mut writer = LayoutWriter::new(Layout::Compact);
                for i in numbers.clone() {
                    writer.write(&generator.article(seed, i), &mut w)?;
                }
                writer.finish(&mut w)?;
            }
            Some(layout) => {
                let mut writer = LayoutWriter::new(layout);
                for start in numbers.clone().step_by(4096) {
                    let end = (start + 4096).min(numbers.end);
                    let chunk: Vec<_> = (start..end)
                        .into_par_iter()
                        .map(|i| generator.article(seed, i))
                        .collect();
                    for a in &chunk {
                        writer.write(a, &mut w)?;
                    }
                }
                writer.finish(&mut w)?;
            }
        }
        w.flush()?;
        if let Some(path) = &lines {
            let mut w = BufWriter::new(File::create(path)?);
            for start in numbers.clone().step_by(4096) {
                for i in start..(start + 4096).min(numbers.end) {
                    writeln!(w, "{}", to_line(&generator.article(seed, i)))?;
                }
            }
            w.flush()?;
        }
        Ok(())
    };
    match write() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(1)
        }
    }
}

/// Each article of `numbers` in a file of its own under `dir`, a
/// thousand to a subdirectory.
fn write_files(
    generator: &Generator,
    seed: u64,
    numbers: std::ops::Range<usize>,
    dir: &str,
) -> std::io::Result<()> {
    numbers.into_par_iter().try_for_each(|i| {
        let sub = std::path::Path::new(dir).join(format!("{:04}", i / 1000));
        std::fs::create_dir_all(&sub)?;
        let a = generator.article(seed, i);
        let text = serde_json::to_string(&a).map_err(std::io::Error::other)?;
        std::fs::write(sub.join(format!("{i:07}.json")), text)
    })
}

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "gen_corpus: {problem}\nusage: gen_corpus N OUT.json [--seed S] [--lines OUT.txt] [--layout L] [--first K]\n       gen_corpus N OUT_DIR --files [--first K]"
    );
    ExitCode::from(2)
}

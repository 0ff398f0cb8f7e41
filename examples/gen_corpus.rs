//! Writes a synthetic collection for benchmarks.
//!
//! cargo run --release --example gen_corpus -- N OUT.json [--seed S] [--lines OUT.txt]
//!     [--layout compact|pretty|lines|concatenated]
//!
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
    let write = || -> std::io::Result<()> {
        let mut w = BufWriter::new(File::create(out)?);
        match layout {
            None => generator.write_json(n, seed, &mut w)?,
            Some(layout) => {
                let mut writer = LayoutWriter::new(layout);
                for start in (0..n).step_by(4096) {
                    let end = (start + 4096).min(n);
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
            for start in (0..n).step_by(4096) {
                for i in start..(start + 4096).min(n) {
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

fn usage(problem: &str) -> ExitCode {
    eprintln!(
        "gen_corpus: {problem}\nusage: gen_corpus N OUT.json [--seed S] [--lines OUT.txt] [--layout L]"
    );
    ExitCode::from(2)
}

//! Large array files, their articles located first (see [`super::scan`]),
//! read back a block at a time.

use std::path::Path;

use super::article::{self, MAX_ARTICLE_BYTES, Parsed, parse_article};
use super::{Lost, Problem, Reader};
use crate::files;

impl Reader<'_> {
    /// A large array file, its articles located: the file's text is freed
    /// and the articles are read back a block at a time, so that the text
    /// and all the articles made from it are never in memory together
    /// (that alone would take twice the file's size).
    pub(super) fn read_array_blocks(
        &mut self,
        name: &str,
        path: &Path,
        spans: &[(std::ops::Range<usize>, (usize, usize))],
        block: usize,
    ) {
        use rayon::prelude::*;
        use std::io::{Read, Seek, SeekFrom};
        let changed =
            |e: String| format!("cannot read: {e} (was the file changed while it was read?)");
        let mut file = match files::open_regular(path) {
            Ok((f, _)) => f,
            Err(e) => return self.problem(name.into(), None, changed(e.to_string()), Lost::File),
        };
        let mut buf: Vec<u8> = Vec::new();
        let mut i = 0;
        while i < spans.len() {
            let (range, at) = &spans[i];
            if range.len() > MAX_ARTICLE_BYTES {
                // Never read back.
                self.accept(name, article::too_large(name, range.len(), i + 1, *at));
                i += 1;
                continue;
            }
            let start = range.start;
            let mut j = i + 1;
            while j < spans.len()
                && spans[j].0.len() <= MAX_ARTICLE_BYTES
                && spans[j].0.end - start <= block
            {
                j += 1;
            }
            let end = spans[j - 1].0.end;
            buf.resize(end - start, 0);
            if let Err(e) = file
                .seek(SeekFrom::Start(start as u64))
                .and_then(|_| file.read_exact(&mut buf))
            {
                return self.problem(name.into(), None, changed(e.to_string()), Lost::File);
            }
            let Ok(text) = simdutf8::basic::from_utf8(&buf) else {
                return self.problem(name.into(), None, changed("not UTF-8".into()), Lost::File);
            };
            let progress = self.progress;
            let parsed: Vec<Parsed> = spans[i..j]
                .par_iter()
                .enumerate()
                .map(|(k, (range, at))| {
                    // Not framed again: where it is was found in the first
                    // reading. A file changed since may cut a character.
                    let Some(slice) = text.get(range.start - start..range.end - start) else {
                        return Parsed::rejected(
                            *at,
                            i + k + 1,
                            Problem {
                                file: name.to_string(),
                                position: Some(*at),
                                message: changed("not UTF-8".into()),
                                lost: Lost::Article,
                            },
                        );
                    };
                    if let Some(p) = progress {
                        p.add_done(slice.len() as u64);
                    }
                    parse_article(name, slice, i + k + 1, *at)
                })
                .collect();
            for p in parsed {
                self.accept(name, p);
            }
            self.hand_over(path);
            i = j;
        }
    }
}

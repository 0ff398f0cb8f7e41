//! Where a collection's index is kept: `$XDG_CACHE_HOME/tintuc/index/<key>`
//! (else `~/.cache/tintuc/index/<key>`), the key made from the
//! collection's canonical path, so that every way of naming one
//! collection finds one index and two collections never share one.

use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// The directory holding every collection's index.
pub fn cache_dir(xdg_cache_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    Some(crate::files::xdg_dir(xdg_cache_home, home, ".cache")?.join("index"))
}

/// The same in every build and on every machine, so that an index is
/// found again after an upgrade.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = crate::files::Fnv::default();
    h.add(bytes);
    h.value()
}

/// The name of a collection's index directory: its file name, for people
/// looking at the cache, and a hash of its whole canonical path.
pub fn key(canonical: &Path) -> String {
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(48)
        .collect();
    let name = name.trim_start_matches('.');
    format!("{name}-{:016x}", fnv1a(canonical.as_os_str().as_bytes()))
}

/// The index directory of the collection at `collection`, under `cache`.
pub fn index_dir(collection: &Path, cache: &Path) -> io::Result<PathBuf> {
    Ok(cache.join(key(&collection.canonicalize()?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_follows_xdg_then_home() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            cache_dir(p("/x/cache").as_deref(), p("/home/u").as_deref()),
            p("/x/cache/tintuc/index")
        );
        assert_eq!(
            cache_dir(None, p("/home/u").as_deref()),
            p("/home/u/.cache/tintuc/index")
        );
        // Relative or empty variables are not places to write to.
        assert_eq!(
            cache_dir(p("cache").as_deref(), p("/home/u").as_deref()),
            p("/home/u/.cache/tintuc/index")
        );
        assert_eq!(cache_dir(p("").as_deref(), p("").as_deref()), None);
        assert_eq!(cache_dir(None, None), None);
    }

    #[test]
    fn keys_name_the_collection_and_tell_paths_apart() {
        let a = key(Path::new("/srv/tin tức/articles.json"));
        let b = key(Path::new("/srv/tin tức/articles.json"));
        let c = key(Path::new("/srv/other/articles.json"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("articles.json-"), "{a}");
        assert_eq!(a.len(), "articles.json-".len() + 16);
        // Nothing in a file name can reach outside the cache directory.
        for odd in ["/a/..", "/", "/a/b\\c", "/a/.hidden", "/a/x\ny"] {
            let k = key(Path::new(odd));
            assert!(
                !k.contains('/') && !k.contains('\n') && !k.starts_with('.'),
                "{k:?}"
            );
        }
        // The hash is fixed: an upgrade finds the same index.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn one_collection_named_two_ways_has_one_index() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = dir.path().join("c.json");
        std::fs::write(&file, "[]").expect("written");
        let cache = Path::new("/cache");
        let direct = index_dir(&file, cache).expect("index dir");
        let roundabout = index_dir(&dir.path().join(".").join("c.json"), cache).expect("index dir");
        assert_eq!(direct, roundabout);
        assert!(index_dir(&dir.path().join("missing.json"), cache).is_err());
    }
}

//! The configuration file, `$XDG_CONFIG_HOME/tintuc/config.toml`.
//!
//! A bad configuration names the line and the key, and tintuc refuses to
//! start rather than guess what was meant. Values are parsed into plain
//! descriptions (colours, keys) here; the browser turns them into terminal
//! styles and key bindings.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::search::SortOrder;

/// A commented default configuration, printed by `tintuc config --default`.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.default.toml");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub language: Language,
    pub sort: SortOrder,
    /// Widest the reading text is set, in columns.
    pub reading_width: u16,
    pub mouse: bool,
    pub osc52: bool,
    /// Whether keywords forgive typos (see [`crate::search::typo`]).
    pub typos: bool,
    /// Whether keywords are also read as Telex or VNI (see
    /// [`crate::search::telex`]).
    pub telex: bool,
    pub theme: ThemeSpec,
    /// Action name → the keys that trigger it, replacing the defaults for
    /// that action.
    pub keys: BTreeMap<String, Vec<KeySpec>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::Auto,
            sort: SortOrder::Relevance,
            reading_width: 100,
            mouse: true,
            osc52: true,
            typos: true,
            telex: true,
            theme: ThemeSpec::default(),
            keys: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// From the locale (LC_ALL, LC_MESSAGES, LANG).
    #[default]
    Auto,
    Vi,
    En,
}

/// A colour as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorSpec {
    /// The terminal's own foreground or background.
    Default,
    /// One of the 16 ANSI colours, 0–15, in the order black, red, green,
    /// yellow, blue, magenta, cyan, gray, dark_gray, light_red, …, white.
    Ansi(u8),
    Indexed(u8),
    Rgb(u8, u8, u8),
}

pub const ANSI_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark_gray",
    "light_red",
    "light_green",
    "light_yellow",
    "light_blue",
    "light_magenta",
    "light_cyan",
    "white",
];

impl ColorSpec {
    pub fn parse(s: &str) -> Result<ColorSpec, String> {
        let t = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if t == "default" || t == "reset" {
            return Ok(ColorSpec::Default);
        }
        if let Some((_, i)) = ANSI_NAMES.iter().zip(0u8..).find(|(n, _)| **n == t) {
            return Ok(ColorSpec::Ansi(i));
        }
        if let Some(hex) = t.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            let [_, r, g, b] = v.to_be_bytes();
            return Ok(ColorSpec::Rgb(r, g, b));
        }
        if let Ok(i) = t.parse::<u8>() {
            return Ok(ColorSpec::Indexed(i));
        }
        Err(format!(
            "\"{s}\" is not a colour (a name such as \"cyan\" or \"light_blue\", \
             an index 0–255, \"#rrggbb\", or \"default\")"
        ))
    }
}

/// The themable colours. `None` keeps the built-in choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThemeSpec {
    pub accent: Option<ColorSpec>,
    pub selection_fg: Option<ColorSpec>,
    pub selection_bg: Option<ColorSpec>,
    pub match_fg: Option<ColorSpec>,
    pub match_bg: Option<ColorSpec>,
    pub dim: Option<ColorSpec>,
    pub status_fg: Option<ColorSpec>,
    pub status_bg: Option<ColorSpec>,
}

/// A key as written in the file: `"j"`, `"G"`, `"ctrl-u"`, `"enter"`,
/// `"pgdn"`, `"space"`, `"?"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub key: KeyName,
    pub ctrl: bool,
}

impl KeySpec {
    /// Whether the two are the same key as typed: with Ctrl, a letter's
    /// case makes no difference.
    pub fn same_key(&self, other: &KeySpec) -> bool {
        if self.ctrl != other.ctrl {
            return false;
        }
        match (self.key, other.key) {
            (KeyName::Char(a), KeyName::Char(b)) if self.ctrl => a.eq_ignore_ascii_case(&b),
            (a, b) => a == b,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

impl KeySpec {
    pub fn parse(s: &str) -> Result<KeySpec, String> {
        let raw = s.trim();
        let lower = raw.to_ascii_lowercase();
        // Lowercasing ASCII keeps byte lengths, so the suffix can be cut
        // from the original and keep its case ("ctrl-G" is not "ctrl-g"
        // for the terminal either, but the letter is what the user wrote).
        let (ctrl, rest) = match lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("c-"))
            .filter(|r| !r.is_empty())
        {
            Some(r) => (true, &raw[raw.len() - r.len()..]),
            None => (false, raw),
        };
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (Some('↑'), None) => KeyName::Up,
            (Some('↓'), None) => KeyName::Down,
            (Some('←'), None) => KeyName::Left,
            (Some('→'), None) => KeyName::Right,
            (Some(c), None) => KeyName::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyName::Enter,
                "esc" | "escape" => KeyName::Esc,
                "tab" => KeyName::Tab,
                "backtab" | "shift-tab" => KeyName::BackTab,
                "backspace" => KeyName::Backspace,
                "delete" | "del" => KeyName::Delete,
                "up" => KeyName::Up,
                "down" => KeyName::Down,
                "left" => KeyName::Left,
                "right" => KeyName::Right,
                "home" => KeyName::Home,
                "end" => KeyName::End,
                "pgup" | "pageup" => KeyName::PageUp,
                "pgdn" | "pagedown" => KeyName::PageDown,
                "space" => KeyName::Char(' '),
                _ => {
                    return Err(format!(
                        "\"{s}\" is not a key (a character such as \"j\", \"ctrl-u\", \
                         or enter, esc, tab, shift-tab, backspace, delete, up, down, \
                         left, right, home, end, pgup, pgdn, space)"
                    ));
                }
            },
        };
        Ok(KeySpec { key, ctrl })
    }
}

/// A configuration error, with the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(k) = &self.key {
            write!(f, ": {k}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    general: RawGeneral,
    #[serde(default)]
    theme: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    keys: BTreeMap<String, toml::Spanned<OneOrMany>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGeneral {
    language: Option<toml::Spanned<String>>,
    sort: Option<toml::Spanned<String>>,
    reading_width: Option<toml::Spanned<i64>>,
    mouse: Option<bool>,
    osc52: Option<bool>,
    typos: Option<bool>,
    telex: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// `$XDG_CONFIG_HOME/tintuc/config.toml`, else `~/.config/tintuc/config.toml`.
pub fn default_path(xdg_config_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    Some(crate::files::xdg_dir(xdg_config_home, home, ".config")?.join("config.toml"))
}

/// Reads the configuration; a missing file is the default configuration.
pub fn load(path: &Path, actions: &Bindable<'_>) -> Result<Config, ConfigError> {
    let refused = |message: String| ConfigError {
        file: path.display().to_string(),
        line: None,
        key: None,
        message,
    };
    // Only a regular file, of a size a configuration can have.
    match crate::regular_file::read_regular(path, MAX_CONFIG_BYTES) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => parse(&path.display().to_string(), &text, actions),
            Err(e) => Err(refused(format!("cannot read: not UTF-8 text ({e})"))),
        },
        Ok(None) => Ok(Config::default()),
        Err(e) => Err(refused(format!("cannot read: {e}"))),
    }
}

/// The largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The commands `[keys]` may bind.
pub struct Bindable<'a> {
    pub names: &'a [&'a str],
    /// Whether two commands may have the same key: they never act in the
    /// same view (searching from the list, finding in the article).
    pub can_share: &'a dyn Fn(&str, &str) -> bool,
}

/// Parses a configuration. `actions` are the commands `[keys]` may bind.
pub fn parse(file: &str, text: &str, actions: &Bindable<'_>) -> Result<Config, ConfigError> {
    let at = Source { file, text };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let key = e
            .span()
            .and_then(|s| text.get(s))
            .map(|k| k.trim_matches(['"', '\'']).to_string())
            .filter(|k| !k.is_empty() && !k.contains('\n'));
        at.error(e.span(), key.as_deref(), e.message().trim().to_string())
    })?;
    let mut config = Config::default();
    read_general(&at, raw.general, &mut config)?;
    read_theme(&at, &raw.theme, &mut config.theme)?;
    read_keys(&at, &raw.keys, actions, &mut config)?;
    Ok(config)
}

/// The file being parsed, to say where a mistake is.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    fn error(
        &self,
        span: Option<std::ops::Range<usize>>,
        key: Option<&str>,
        message: String,
    ) -> ConfigError {
        ConfigError {
            file: self.file.to_string(),
            line: span.map(|s| self.line_of(s.start)),
            key: key.map(str::to_string),
            message,
        }
    }
}

/// `[general]`.
fn read_general(at: &Source<'_>, g: RawGeneral, config: &mut Config) -> Result<(), ConfigError> {
    if let Some(l) = g.language {
        config.language = match l.get_ref().as_str() {
            "auto" => Language::Auto,
            "vi" => Language::Vi,
            "en" => Language::En,
            other => {
                return Err(at.error(
                    Some(l.span()),
                    Some("general.language"),
                    format!("\"{other}\" is not a language (auto, vi or en)"),
                ));
            }
        };
    }
    if let Some(s) = g.sort {
        config.sort = match s.get_ref().as_str() {
            "relevance" => SortOrder::Relevance,
            "newest" => SortOrder::Newest,
            "oldest" => SortOrder::Oldest,
            "title" => SortOrder::Title,
            other => {
                return Err(at.error(
                    Some(s.span()),
                    Some("general.sort"),
                    format!("\"{other}\" is not a sort order (relevance, newest, oldest or title)"),
                ));
            }
        };
    }
    if let Some(w) = g.reading_width {
        let v = *w.get_ref();
        config.reading_width = u16::try_from(v)
            .ok()
            .filter(|v| (30..=500).contains(v))
            .ok_or_else(|| {
                at.error(
                    Some(w.span()),
                    Some("general.reading_width"),
                    format!("{v} is out of range (30 to 500 columns)"),
                )
            })?;
    }
    config.mouse = g.mouse.unwrap_or(config.mouse);
    config.osc52 = g.osc52.unwrap_or(config.osc52);
    config.typos = g.typos.unwrap_or(config.typos);
    config.telex = g.telex.unwrap_or(config.telex);
    Ok(())
}

/// `[theme]`: a colour for each slot.
fn read_theme(
    at: &Source<'_>,
    raw: &BTreeMap<String, toml::Spanned<String>>,
    t: &mut ThemeSpec,
) -> Result<(), ConfigError> {
    for (name, value) in raw {
        let key = format!("theme.{name}");
        let colour = ColorSpec::parse(value.get_ref())
            .map_err(|m| at.error(Some(value.span()), Some(&key), m))?;
        let slot = match name.as_str() {
            "accent" => &mut t.accent,
            "selection_fg" => &mut t.selection_fg,
            "selection_bg" => &mut t.selection_bg,
            "match_fg" => &mut t.match_fg,
            "match_bg" => &mut t.match_bg,
            "dim" => &mut t.dim,
            "status_fg" => &mut t.status_fg,
            "status_bg" => &mut t.status_bg,
            _ => {
                return Err(at.error(
                    Some(value.span()),
                    Some(&key),
                    "unknown theme colour (accent, selection_fg, selection_bg, match_fg, \
                     match_bg, dim, status_fg, status_bg)"
                        .into(),
                ));
            }
        };
        *slot = Some(colour);
    }
    Ok(())
}

/// `[keys]`: the keys of each command, none given to two commands
/// that can act in the same view.
fn read_keys(
    at: &Source<'_>,
    raw: &BTreeMap<String, toml::Spanned<OneOrMany>>,
    actions: &Bindable<'_>,
    config: &mut Config,
) -> Result<(), ConfigError> {
    // In the order of the file, so that a key bound twice is reported
    // where it is bound the second time.
    let mut bindings: Vec<_> = raw.iter().collect();
    bindings.sort_by_key(|(_, value)| value.span().start);
    // Each key bound so far: the command it gives, and the line.
    let mut taken: Vec<(KeySpec, &str, usize)> = Vec::new();
    for (action, value) in bindings {
        let key = format!("keys.{action}");
        if !actions.names.contains(&action.as_str()) {
            return Err(at.error(
                Some(value.span()),
                Some(&key),
                format!("unknown action (known: {})", actions.names.join(", ")),
            ));
        }
        let names = match value.get_ref() {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(ks) => ks.clone(),
        };
        let keys = names
            .iter()
            .map(|k| KeySpec::parse(k))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| at.error(Some(value.span()), Some(&key), m))?;
        for (spec, name) in keys.iter().zip(&names) {
            let other = taken.iter().find(|(t, a, _)| {
                *a != action && t.same_key(spec) && !(actions.can_share)(a, action)
            });
            if let Some((_, other, line)) = other {
                return Err(at.error(
                    Some(value.span()),
                    Some(&key),
                    format!(
                        "\"{name}\" is already bound to {other} (line {line}); \
                         a key gives one command"
                    ),
                ));
            }
            taken.push((*spec, action, at.line_of(value.span().start)));
        }
        config.keys.insert(action.clone(), keys);
    }
    Ok(())
}

#[cfg(test)]
mod tests;

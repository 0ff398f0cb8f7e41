//! What the configuration and the command line chose for the browser.

use super::keymap::Keymap;

/// Articles are wrapped at most this wide by default: longer lines are
/// hard to read. The configuration's `reading_width` changes it.
pub const MAX_READING_WIDTH: u16 = 100;

/// What the configuration and the command line chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub keymap: Keymap,
    /// The widest the article is set, in columns.
    pub reading_width: u16,
    /// Whether `y` and `Y` copy through the terminal.
    pub osc52: bool,
    /// Whether the wheel and clicks are used.
    pub mouse: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            reading_width: MAX_READING_WIDTH,
            osc52: true,
            mouse: false,
        }
    }
}

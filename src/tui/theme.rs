//! Styles for every part of the screen.
//!
//! The colours are the 16 ANSI ones, chosen to read on dark and on light
//! backgrounds alike: coloured text only in magenta and red, which keep
//! their contrast on both; everything else is a dark text on a coloured
//! background, bold, dim or reverse video. With `NO_COLOR` set
//! (<https://no-color.org>) no colour is used at all: bold, reverse and
//! underline carry the same meaning.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

const BOLD: Modifier = Modifier::BOLD;
const DIM: Modifier = Modifier::DIM;
const REVERSED: Modifier = Modifier::REVERSED;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const ITALIC: Modifier = Modifier::ITALIC;

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything but the empty string.
    pub fn from_env() -> Theme {
        Theme::for_no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    /// The theme for a value of `NO_COLOR` (None when unset).
    pub fn for_no_color(no_color: Option<&std::ffi::OsStr>) -> Theme {
        Theme {
            color: no_color.is_none_or(|v| v.is_empty()),
        }
    }

    /// `colored` with colour, else `plain`.
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    pub fn prompt(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    /// Explanations that should not compete with content.
    pub fn hint(&self) -> Style {
        Style::new().add_modifier(DIM)
    }

    /// The engine's message about a term that cannot mean anything.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(BOLD),
            Style::new().add_modifier(BOLD | UNDERLINED),
        )
    }

    /// The selected list row; brighter when the list has the focus.
    pub fn selected(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Black).bg(Color::Cyan),
            (true, false) => Style::new().add_modifier(REVERSED),
            (false, _) => Style::new().add_modifier(BOLD),
        }
    }

    /// The marker in front of the selected row.
    pub fn marker(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn date_column(&self) -> Style {
        Style::new().add_modifier(DIM)
    }

    pub fn place_column(&self) -> Style {
        self.pick(Style::new().fg(Color::Magenta), Style::new())
    }

    /// Query keywords in titles and bodies.
    pub fn keyword(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Yellow),
            Style::new().add_modifier(BOLD | UNDERLINED),
        )
    }

    /// Matches of the in-article search.
    pub fn found(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Green),
            Style::new().add_modifier(REVERSED),
        )
    }

    /// The match the reader is on.
    pub fn found_current(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(BOLD),
            Style::new().add_modifier(REVERSED | BOLD | UNDERLINED),
        )
    }

    pub fn pane_title(&self, focused: bool) -> Style {
        if focused {
            self.pick(
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Cyan)
                    .add_modifier(BOLD),
                Style::new().add_modifier(REVERSED | BOLD),
            )
        } else {
            Style::new().add_modifier(BOLD)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.pick(
                Style::new().fg(Color::Cyan),
                Style::new().add_modifier(BOLD),
            )
        } else {
            Style::new().add_modifier(DIM)
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn subheading(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn caption(&self) -> Style {
        Style::new().add_modifier(DIM | ITALIC)
    }

    pub fn meta_label(&self) -> Style {
        Style::new().add_modifier(DIM)
    }

    pub fn meta(&self) -> Style {
        Style::new()
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(REVERSED)
    }

    /// Filters shown in the status bar.
    pub fn status_filter(&self) -> Style {
        Style::new().add_modifier(REVERSED | BOLD)
    }

    pub fn bar(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    pub fn bar_selected(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn bar_value(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Cyan),
            Style::new().add_modifier(REVERSED),
        )
    }

    pub fn bar_label_selected(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Magenta)
                .add_modifier(BOLD | UNDERLINED),
            Style::new().add_modifier(REVERSED | BOLD),
        )
    }

    pub fn overlay_border(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Cyan),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn help_key(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn help_heading(&self) -> Style {
        Style::new().add_modifier(BOLD | UNDERLINED)
    }
}

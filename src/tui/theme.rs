//! Styles for every part of the screen.
//!
//! The colours are the 16 ANSI ones, chosen to read on dark and on light
//! backgrounds alike: coloured text only in magenta and red, which keep
//! their contrast on both; everything else is a dark text on a coloured
//! background, bold, dim or reverse video. With `NO_COLOR` set
//! (<https://no-color.org>) no colour is used at all: bold, reverse and
//! underline carry the same meaning.
//!
//! The configuration's `[theme]` can change the colours (a [`Palette`]);
//! `NO_COLOR` still wins over it.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColorSpec, ThemeSpec};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            color: true,
            palette: Palette::default(),
        }
    }
}

/// The colours used when there is colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Focused borders and titles, bars of the date chart.
    pub accent: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
    /// Query keywords.
    pub match_fg: Color,
    pub match_bg: Color,
    /// Secondary text; `None`: the terminal's dim attribute.
    pub dim: Option<Color>,
    /// The status bar; `None` for both: reverse video.
    pub status_fg: Option<Color>,
    pub status_bg: Option<Color>,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            accent: Color::Cyan,
            selection_fg: Color::Black,
            selection_bg: Color::Cyan,
            match_fg: Color::Black,
            match_bg: Color::Yellow,
            dim: None,
            status_fg: None,
            status_bg: None,
        }
    }
}

/// A colour of the configuration as a terminal colour.
pub fn color(spec: ColorSpec) -> Color {
    const ANSI: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    match spec {
        ColorSpec::Default => Color::Reset,
        ColorSpec::Ansi(i) => ANSI[usize::from(i) % 16],
        ColorSpec::Indexed(i) => Color::Indexed(i),
        ColorSpec::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

impl Palette {
    /// The built-in colours with the configuration's over them.
    pub fn with(spec: &ThemeSpec) -> Palette {
        let d = Palette::default();
        let pick = |s: Option<ColorSpec>, default: Color| s.map_or(default, color);
        Palette {
            accent: pick(spec.accent, d.accent),
            selection_fg: pick(spec.selection_fg, d.selection_fg),
            selection_bg: pick(spec.selection_bg, d.selection_bg),
            match_fg: pick(spec.match_fg, d.match_fg),
            match_bg: pick(spec.match_bg, d.match_bg),
            dim: spec.dim.map(color),
            status_fg: spec.status_fg.map(color),
            status_bg: spec.status_bg.map(color),
        }
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
            palette: Palette::default(),
        }
    }

    /// No colour at all, as with `NO_COLOR`.
    pub fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::default(),
        }
    }

    /// This theme with the configuration's colours.
    pub fn with_spec(self, spec: &ThemeSpec) -> Theme {
        Theme {
            palette: Palette::with(spec),
            ..self
        }
    }

    /// `colored` with colour, else `plain`.
    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Secondary text: the configured dim colour, else the dim attribute.
    fn dimmed(&self) -> Style {
        match self.palette.dim {
            Some(c) if self.color => Style::new().fg(c),
            _ => Style::new().add_modifier(DIM),
        }
    }

    pub fn base(&self) -> Style {
        Style::new()
    }

    pub fn prompt(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    /// Explanations that should not compete with content.
    pub fn hint(&self) -> Style {
        self.dimmed()
    }

    /// The engine's message about a term that cannot mean anything.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Red).add_modifier(BOLD),
            Style::new().add_modifier(BOLD | UNDERLINED),
        )
    }

    /// The selected list row; brighter when the list has the focus.
    /// Without it, underlined: bold already marks unread titles.
    pub fn selected(&self, focused: bool) -> Style {
        let p = &self.palette;
        match (focused, self.color) {
            (true, true) => Style::new().fg(p.selection_fg).bg(p.selection_bg),
            (true, false) => Style::new().add_modifier(REVERSED),
            (false, _) => Style::new().add_modifier(UNDERLINED),
        }
    }

    /// The marker in front of the selected row.
    pub fn marker(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    /// The bookmark mark in the list and the reading pane's header.
    pub fn bookmark(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(BOLD),
            Style::new().add_modifier(BOLD),
        )
    }

    /// A title in the list not opened yet: bold, as mail readers do.
    pub fn unread_title(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn read_title(&self) -> Style {
        Style::new()
    }

    pub fn date_column(&self) -> Style {
        self.dimmed()
    }

    pub fn place_column(&self) -> Style {
        self.pick(Style::new().fg(Color::Magenta), Style::new())
    }

    /// Query keywords in titles and bodies.
    pub fn keyword(&self) -> Style {
        let p = &self.palette;
        self.pick(
            Style::new().fg(p.match_fg).bg(p.match_bg),
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
        let p = &self.palette;
        if focused {
            self.pick(
                Style::new()
                    .fg(p.selection_fg)
                    .bg(p.accent)
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
                Style::new().fg(self.palette.accent),
                Style::new().add_modifier(BOLD),
            )
        } else {
            self.dimmed()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn subheading(&self) -> Style {
        Style::new().add_modifier(BOLD)
    }

    pub fn caption(&self) -> Style {
        self.dimmed().add_modifier(ITALIC)
    }

    pub fn meta_label(&self) -> Style {
        self.dimmed()
    }

    pub fn meta(&self) -> Style {
        Style::new()
    }

    pub fn status(&self) -> Style {
        let p = &self.palette;
        if self.color && (p.status_fg.is_some() || p.status_bg.is_some()) {
            Style::new()
                .fg(p.status_fg.unwrap_or(Color::Reset))
                .bg(p.status_bg.unwrap_or(Color::Reset))
        } else {
            Style::new().add_modifier(REVERSED)
        }
    }

    /// Filters shown in the status bar.
    pub fn status_filter(&self) -> Style {
        self.status().add_modifier(BOLD)
    }

    pub fn bar(&self) -> Style {
        self.pick(Style::new().fg(self.palette.accent), Style::new())
    }

    pub fn bar_selected(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta),
            Style::new().add_modifier(BOLD),
        )
    }

    pub fn bar_value(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.selection_fg)
                .bg(self.palette.accent),
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
            Style::new().fg(self.palette.accent),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_colours_over_the_built_in_ones() {
        let spec = ThemeSpec {
            accent: Some(ColorSpec::Ansi(4)),
            selection_bg: Some(ColorSpec::Rgb(1, 2, 3)),
            match_bg: Some(ColorSpec::Indexed(220)),
            dim: Some(ColorSpec::Ansi(8)),
            status_bg: Some(ColorSpec::Default),
            ..ThemeSpec::default()
        };
        let t = Theme::default().with_spec(&spec);
        assert_eq!(t.border(true).fg, Some(Color::Blue));
        assert_eq!(t.selected(true).bg, Some(Color::Rgb(1, 2, 3)));
        assert_eq!(t.selected(true).fg, Some(Color::Black), "unset: built in");
        assert_eq!(t.keyword().bg, Some(Color::Indexed(220)));
        assert_eq!(t.hint().fg, Some(Color::DarkGray));
        assert!(!t.hint().add_modifier.contains(DIM));
        assert!(!t.status().add_modifier.contains(REVERSED));
        // Without a configuration: the built-in theme.
        let built_in = Theme::default();
        assert!(built_in.hint().add_modifier.contains(DIM));
        assert!(built_in.status().add_modifier.contains(REVERSED));
        assert_eq!(built_in.selected(true).bg, Some(Color::Cyan));
    }

    #[test]
    fn no_color_wins_over_the_configuration() {
        let spec = ThemeSpec {
            accent: Some(ColorSpec::Ansi(4)),
            dim: Some(ColorSpec::Ansi(8)),
            status_fg: Some(ColorSpec::Ansi(0)),
            ..ThemeSpec::default()
        };
        let t = Theme::for_no_color(Some(std::ffi::OsStr::new("1"))).with_spec(&spec);
        for style in [
            t.border(true),
            t.hint(),
            t.status(),
            t.keyword(),
            t.selected(true),
            t.bookmark(),
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(t.hint().add_modifier.contains(DIM));
        assert!(t.status().add_modifier.contains(REVERSED));
    }
}

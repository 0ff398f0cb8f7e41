//! `tintuc config`.

use std::io::Write;
use std::process::ExitCode;

use super::args::ConfigArgs;
use super::{EXIT_BAD_INPUT, config_path, load_config};
use crate::output::say;
use crate::tui;

/// `tintuc config`: check the file; or the default file, where the file
/// is read from, the commands keys can be bound to.
pub(super) fn config_command(args: &ConfigArgs, out: &mut impl Write) -> anyhow::Result<ExitCode> {
    if args.default {
        out.write_all(crate::config::DEFAULT_CONFIG.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.actions {
        let rows: Vec<_> = tui::action::Command::BINDABLE
            .into_iter()
            .map(|c| {
                (
                    c.name(),
                    tui::keymap::default_label(c),
                    tui::i18n::EN.about(c),
                )
            })
            .collect();
        let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let keys_width = rows
            .iter()
            .map(|r| unicode_width::UnicodeWidthStr::width(r.1.as_str()))
            .max()
            .unwrap_or(0);
        for (name, keys, about) in &rows {
            let pad = keys_width - unicode_width::UnicodeWidthStr::width(keys.as_str());
            writeln!(out, "{name:width$}  {keys}{}  {about}", " ".repeat(pad))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = config_path() else {
        anyhow::bail!("neither XDG_CONFIG_HOME nor HOME is set to an absolute path");
    };
    if args.path {
        writeln!(out, "{}", path.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !path.exists() {
        writeln!(
            out,
            "{}: no such file; the defaults apply \
             (`tintuc config --default > {}` writes a commented one)",
            path.display(),
            path.display()
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    match load_config() {
        Ok(_) => {
            writeln!(out, "{}: valid", path.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            say(format_args!("tintuc: {e}"));
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

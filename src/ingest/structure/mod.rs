//! The parts of a scraped article, read from its lines: site chrome (menus,
//! banners, counters, share buttons, "related articles" lists), the title,
//! the date header, the byline, photo captions and subheadings.
//!
//! Scraped text keeps one paragraph per line, often with blank lines in
//! between. Nothing marks what a line is, so each rule below looks at what
//! Vietnamese news pages have in common: the title is a short line without
//! a full stop near the top, the date header sits next to it, captions
//! credit a photo ("(Ảnh: …)", "(Nguồn: …)"), subheadings are short lines
//! between paragraphs, and the byline is a short line of names at the end.
//!
//! Each rule is a pass over the page ([`analyze`] runs them in order); a
//! pass takes what it recognises off the lines and notes it on the page.

mod byline;
mod caption;
mod chrome;
mod citation;
mod date_header;
mod derived_title;
mod glued_date;
mod headline_check;
mod lead_date;
mod line;
mod page;
mod passes;
mod related;
mod run_on;
mod signature;
mod split;
mod subheading;
#[cfg(test)]
mod tests;
mod title;
mod widgets;

pub use caption::is_caption;
pub use derived_title::{TITLE_LIMIT, derive_title};
pub use page::{Structure, StructureError, TitleSource};
pub use passes::analyze;

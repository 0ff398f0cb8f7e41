//! The list of results. Its state is the state's own (the results,
//! the selection, the first row shown, the highlights of the rows in
//! view: the other features read them too); `update` moves through it,
//! `draw` shows it.

pub(super) mod draw;
pub(super) mod update;

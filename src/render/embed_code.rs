//! The `<iframe>` code that frames a view on another site (the "Embed" button): its address
//! with `embed` (`ui::state::Selection::query_string_embedded`) and a title naming the view,
//! every attribute escaped. Pure, tested natively.

use crate::text::escape_xml;

/// The frame's size: the views lay out in one column below 1100 px and fit 360 px, so any
/// width works; the site may set another.
pub const FRAME_WIDTH: u32 = 800;
pub const FRAME_HEIGHT: u32 = 500;

/// `<iframe src="…" title="…" width="800" height="500" loading="lazy" …></iframe>`: `src` an
/// absolute address, `title` what the frame shows (read out by screen readers on the host page).
/// `max-width: 100%` lets it shrink on a phone.
pub fn iframe_code(src: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="{FRAME_WIDTH}" height="{FRAME_HEIGHT}" loading="lazy" style="border: 1px solid #d6dae1; max-width: 100%;"></iframe>"#,
        escape_xml(src),
        escape_xml(title)
    )
}

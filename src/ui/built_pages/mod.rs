//! The pages built ahead: their readable paths (`paths`, which the app reads too) and, native
//! only, the views rendered to HTML at build time (`prerender`: the first view and each page's
//! view) and the pages themselves with their head, previews, sitemap and robots.txt (`pages`).

pub mod paths;

#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;

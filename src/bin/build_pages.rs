//! `cargo run --bin build-pages -- DIR`: writes the pages built ahead (chiso::ui::built_pages::pages) into a
//! built app in DIR (Trunk's staging folder; scripts/post_build.mjs runs this before the first
//! view and the CSP are put in): `tinh/<slug>/` and `chi-so/<index>/`, and the same in English
//! under `en/`, each an `index.html` and its `preview.png`, the English root `en/index.html`,
//! and `sitemap.xml` and `robots.txt`. The site's address comes from `CHISO_SITE_URL` (see
//! chiso::ui::built_pages::pages::DEFAULT_SITE_URL). The root `index.html` gets the same sharing
//! tags, with its first view's preview. The whole dataset as open data goes into
//! `data/` (chiso::render::open_data): `chiso.csv`, `components.csv`, `national.csv`, `chiso.xlsx` and
//! `datapackage.json`.

use chiso::data::model::Dataset;
use chiso::i18n::Lang;
use chiso::render::open_data::{
    self, component_rows, datapackage, national_rows, to_csv, value_rows, COMPONENTS_FILE,
    COMPONENT_COLUMNS, FOLDER, NATIONAL_COLUMNS, NATIONAL_FILE, PACKAGE_FILE, VALUES_FILE,
    VALUE_COLUMNS, WORKBOOK_FILE,
};
use chiso::render::preview::{card_svg, fonts, to_png, FONTS_DIR};
use chiso::ui::built_pages::pages::{
    bundled, english_root, first_view_page, page_body, page_html, pages, robots, root_html,
    site_url, sitemap, SITE_URL_VAR,
};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    let site = site_url(std::env::var(SITE_URL_VAR).ok());
    match build(Path::new(&dir), &site) {
        Ok(count) => {
            println!("build-pages: {count} pages with their previews (Vietnamese and English), the English root, sitemap.xml, robots.txt and the open data in {dir} (site {site})");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build-pages failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn build(dir: &Path, site: &str) -> Result<usize, String> {
    let index = dir.join("index.html");
    let template =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let dataset = bundled(dir)?;
    let fonts = fonts(Path::new(FONTS_DIR))?;
    let all = pages(&dataset);
    let dataset = Rc::new(dataset);
    let first =
        |lang| first_view_page(&dataset, &all, lang).ok_or("no page built for the first view");
    let english = english_root(&template, &dataset, first(Lang::En)?)?;
    for page in all.iter().chain([&english]) {
        let html = page_html(&template, page, &page_body(&dataset, page), site)?;
        write(&dir.join(&page.path).join("index.html"), html.as_bytes())?;
        if page.draws_preview() {
            write(
                &dir.join(&page.image),
                &to_png(&card_svg(&page.preview), &fonts)?,
            )?;
        }
    }
    // The root previews as the page of its first view (an index's latest ranking).
    write(
        &index,
        root_html(&template, first(Lang::Vi)?, site)?.as_bytes(),
    )?;
    write(&dir.join("sitemap.xml"), sitemap(site, &all).as_bytes())?;
    write(&dir.join("robots.txt"), robots(site).as_bytes())?;
    write_open_data(&dir.join(FOLDER), &dataset, site)?;
    Ok(all.len())
}

/// The dataset as open data: the three tables as CSV, all three as a workbook, and their data
/// package.
fn write_open_data(folder: &Path, dataset: &Dataset, site: &str) -> Result<(), String> {
    let values = to_csv(&VALUE_COLUMNS, &value_rows(dataset));
    write(&folder.join(VALUES_FILE), values.as_bytes())?;
    let components = to_csv(&COMPONENT_COLUMNS, &component_rows(dataset));
    write(&folder.join(COMPONENTS_FILE), components.as_bytes())?;
    let national = to_csv(&NATIONAL_COLUMNS, &national_rows(dataset));
    write(&folder.join(NATIONAL_FILE), national.as_bytes())?;
    let workbook =
        open_data::xlsx::workbook(dataset, site).map_err(|e| format!("{WORKBOOK_FILE}: {e}"))?;
    write(&folder.join(WORKBOOK_FILE), &workbook)?;
    write(
        &folder.join(PACKAGE_FILE),
        datapackage(dataset, site).as_bytes(),
    )
}

use crate::i18n::{Lang, Text};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub lang: Lang,
    /// File name without extension.
    pub name: AttrValue,
    /// The element whose `<svg>` is exported as SVG and PNG, if any.
    #[prop_or_default]
    pub chart_id: Option<AttrValue>,
    /// Builds the CSV when asked (so nothing is computed until the user clicks).
    #[prop_or_default]
    pub csv: Option<Callback<(), String>>,
}

/// Download buttons: CSV of the table, SVG and PNG of the chart. Everything stays in the browser.
#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let lang = props.lang;
    let csv = props.csv.clone().map(|make| {
        let name = format!("{}.csv", props.name);
        html! { <button type="button" class="chip export-csv" onclick={move |_| save_csv(&name, &make.emit(()))}>{lang.t(Text::DownloadCsv)}</button> }
    });
    let chart = props.chart_id.clone().map(|id| {
        let (svg_name, png_name, png_id) = (format!("{}.svg", props.name), format!("{}.png", props.name), id.clone());
        html! {
            <>
                <button type="button" class="chip export-svg" onclick={move |_| save_svg(&id, &svg_name)}>{"SVG"}</button>
                <button type="button" class="chip export-png" onclick={move |_| save_png(&png_id, &png_name)}>{"PNG"}</button>
            </>
        }
    });
    html! {
        <div class="export" role="group" aria-label={lang.t(Text::Download)}>
            <span>{lang.t(Text::Download)}{": "}</span>{csv}{chart}
        </div>
    }
}

// Saving needs the browser; rendered on the server (tests), the buttons do nothing.
#[cfg(target_arch = "wasm32")]
fn save_csv(name: &str, body: &str) {
    crate::ui::web::download(name, "text/csv;charset=utf-8", body);
}

#[cfg(target_arch = "wasm32")]
fn save_svg(id: &str, name: &str) {
    if let Some(svg) = crate::ui::web::svg_of(id) {
        crate::ui::web::download(name, "image/svg+xml", &svg);
    }
}

#[cfg(target_arch = "wasm32")]
fn save_png(id: &str, name: &str) {
    if let Some(svg) = crate::ui::web::svg_of(id) {
        crate::ui::web::download_png(name, &svg);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn save_csv(_: &str, _: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn save_svg(_: &str, _: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn save_png(_: &str, _: &str) {}

use crate::i18n::{Lang, Text};
use crate::render::table_export::TableExport;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub lang: Lang,
    /// File name without extension.
    pub name: AttrValue,
    /// The element whose `<svg>` is exported as SVG and PNG, if any.
    #[prop_or_default]
    pub chart_id: Option<AttrValue>,
    /// Builds the table when asked (so nothing is computed until the user clicks), downloaded
    /// as CSV and as an Excel workbook.
    #[prop_or_default]
    pub table: Option<Callback<(), TableExport>>,
}

/// Download buttons: the table as CSV and as Excel (.xlsx, written by the xlsx worker, loaded on
/// the first one), the chart as SVG and PNG. Everything stays in the browser.
#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let lang = props.lang;
    let failure = use_state(|| None::<String>);
    let table = props.table.clone().map(|make| {
        let csv_name = format!("{}.csv", props.name);
        let xlsx_name = format!("{}.xlsx", props.name);
        let make_csv = make.clone();
        let failed = failure.clone();
        let on_xlsx = move |_| {
            failed.set(None);
            let failed = failed.clone();
            save_xlsx(&xlsx_name, make.emit(()), move |why| failed.set(Some(why)));
        };
        html! {
            <>
                <button type="button" class="chip export-csv" onclick={move |_| save_csv(&csv_name, &make_csv.emit(()).csv())}>{lang.t(Text::DownloadCsv)}</button>
                <button type="button" class="chip export-xlsx" onclick={on_xlsx}>{lang.t(Text::DownloadXlsx)}</button>
            </>
        }
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
    let failed = (*failure).clone().map(|why| {
        html! { <p class="export-error" role="alert">{lang.t(Text::XlsxFailed)}{": "}{why}</p> }
    });
    html! {
        <div class="export" role="group" aria-label={lang.t(Text::Download)}>
            <span>{lang.t(Text::Download)}{": "}</span>{table}{chart}{failed}
        </div>
    }
}

// Saving needs the browser; rendered on the server (tests), the buttons do nothing.
#[cfg(target_arch = "wasm32")]
fn save_csv(name: &str, body: &str) {
    crate::ui::web::download(name, "text/csv;charset=utf-8", body);
}

/// The table, with the date and the address it was downloaded from, sent to the xlsx worker.
#[cfg(target_arch = "wasm32")]
fn save_xlsx(name: &str, table: TableExport, on_failure: impl Fn(String) + 'static) {
    use crate::ui::web;
    let table = table.downloaded(&web::today(), &web::full_address());
    web::download_xlsx(name, table.to_json(), on_failure);
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
fn save_xlsx(_: &str, _: TableExport, _: impl Fn(String) + 'static) {}

#[cfg(not(target_arch = "wasm32"))]
fn save_svg(_: &str, _: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn save_png(_: &str, _: &str) {}

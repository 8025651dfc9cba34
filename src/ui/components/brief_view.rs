use super::picker::Picker;
use super::province_picker::ProvincePicker;
use super::SharedDataset;
use crate::analysis::brief::{standings, units_summary, Standing};
use crate::data::model::Dataset;
use crate::data::units::{figure_text, metric_name, UnitType};
use crate::render::brief_text::{footnotes, plain_text, sentences, Section, Sentence, SourceRef};
use crate::ui::i18n::{Lang, Text};
use crate::ui::state::{Action, Selection};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BriefViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
}

fn number(lang: Lang, v: Option<f64>) -> String {
    v.map(|v| lang.number(v, 2)).unwrap_or_else(|| "–".into())
}

/// Every year of any index, newest first.
fn all_years(dataset: &Dataset) -> Vec<(String, String)> {
    let mut years: Vec<u16> = dataset
        .indices
        .iter()
        .flat_map(|i| i.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
        .into_iter()
        .map(|y| (y.to_string(), y.to_string()))
        .collect()
}

/// A section's sentences, each with its footnote marks.
fn paragraphs(sentences: &[Sentence], notes: &[SourceRef], section: Section) -> Html {
    sentences.iter().filter(|s| s.section == section).map(|s| html! {
        <p class="brief-sentence">{s.text.clone()}{ for s.sources.iter().filter_map(|r| notes.iter().position(|n| n == r)).map(|i| html! {
            <sup><a href={format!("#brief-note-{}", i + 1)}>{format!("[{}]", i + 1)}</a></sup>
        }) }</p>
    }).collect()
}

/// A table with a caption, a header row and body rows of cells (the first cell a row header).
fn table(id: String, caption: String, head: &[&str], rows: Vec<Vec<String>>) -> Html {
    html! {
        <div class="table-wrap" tabindex="0">
            <table id={id} class="brief-table">
                <caption>{caption}</caption>
                <thead><tr>{ for head.iter().map(|h| html! { <th scope="col">{*h}</th> }) }</tr></thead>
                <tbody>{ for rows.into_iter().map(|r| html! {
                    <tr>{ for r.into_iter().enumerate().map(|(i, c)| if i == 0 {
                        html! { <th scope="row">{c}</th> }
                    } else {
                        html! { <td>{c}</td> }
                    }) }</tr>
                }) }</tbody>
            </table>
        </div>
    }
}

fn component_name(dataset: &Dataset, lang: Lang, index: &str, year: u16, key: &str) -> String {
    dataset
        .index(index)
        .and_then(|i| i.year(year).and_then(|y| y.component(key)).or_else(|| i.years.iter().rev().find_map(|y| y.component(key))))
        .map(|c| c.name(lang).to_string())
        .unwrap_or_else(|| key.to_string())
}

fn short_name(dataset: &Dataset, key: &str) -> String {
    dataset.index(key).map(|i| i.short_name.clone()).unwrap_or_default()
}

fn standing_rows(dataset: &Dataset, lang: Lang, st: &[Standing]) -> Vec<Vec<String>> {
    st.iter()
        .map(|s| {
            let r = &s.row;
            let rank = match (r.official_rank, r.position) {
                (Some(k), _) => format!("{k}/{}", s.expected),
                (None, Some(p)) => format!("{p}/{} ({})", s.with_value, lang.t(Text::ComputedRank)),
                (None, None) => "–".into(),
            };
            let change = r.change.as_ref();
            vec![
                short_name(dataset, &s.index),
                r.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::RankOnly).into()),
                rank,
                change
                    .map(|c| format!("{} ({} {})", c.value.map(|v| lang.signed(v, 2)).unwrap_or_else(|| "–".into()), lang.t(Text::ComparedWith), c.previous_year))
                    .unwrap_or_else(|| "–".into()),
                change.and_then(|c| c.rank).map(|k| format!("{k:+}")).unwrap_or_else(|| "–".into()),
                number(lang, s.national.map(|n| n.0)),
                format!("{}/{}", s.with_value, s.expected),
            ]
        })
        .collect()
}

/// The committee's brief of one province in one year: its standing, why it moved, where it
/// loses points, where one more point counts most, its own units; in sentences with footnotes
/// and in tables. Printable (static/style.css, @media print) and copied as plain text.
#[component]
pub fn BriefView(props: &BriefViewProps) -> Html {
    let copied = use_state(|| false);
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    let year = s.year;
    let year_picker = html! {
        <Picker id="brief-year" label={lang.t(Text::Year)} options={all_years(dataset)} selected={year.to_string()}
            on_change={props.on_action.reform(|y: String| Action::SetYear(y.parse().unwrap_or(0)))} />
    };
    let controls = |extra: Html| html! {
        <div class="inline-controls no-print">
            <ProvincePicker data={props.data.clone()} lang={lang} id="brief-search" label={lang.t(Text::ChooseProvince)}
                on_pick={props.on_action.reform(Action::OpenBrief)} />
            {year_picker.clone()}
            {extra}
        </div>
    };
    let Some(province) = s.province.as_deref().and_then(|c| dataset.province(c)) else {
        return html! { <main id="brief" class="view">{controls(html! {})}<p class="hint">{lang.t(Text::ChooseProvinceHint)}</p></main> };
    };
    let code = province.code.clone();
    let st = standings(dataset, &code, year);
    let units = units_summary(&dataset.unit_scores, &province.name_vi, year);
    let text = sentences(dataset, lang, &code, year, &st, &units);
    let notes = footnotes(&text);
    let note_text = |r: &SourceRef| match r {
        SourceRef::Data(id) => dataset.source(*id).map(|s| s.citation.clone()).unwrap_or_default(),
        SourceRef::Report(id) => match dataset.meetings.iter().find(|m| &m.id == id) {
            Some(m) => format!("{} {} ({})", lang.t(Text::BriefReport), m.source, lang.date(&m.date)),
            None => id.clone(),
        },
    };
    let copy = {
        let notes_text: Vec<String> = notes.iter().enumerate().map(|(i, r)| format!("[{}] {}", i + 1, note_text(r))).collect();
        let plain = format!("{}\n\n{}", plain_text(&text, &notes), notes_text.join("\n"));
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copy(plain.clone(), copied.clone()))
    };
    let open_profile = {
        let code = code.clone();
        props.on_action.reform(move |_: MouseEvent| Action::OpenProfile(code.clone()))
    };
    let name = |c: &str| dataset.province(c).map(|p| p.name(lang).to_string()).unwrap_or_default();
    let why_tables = st.iter().filter_map(|s| {
        let d = s.change.as_ref().ok()?;
        let shares = d.components.iter().any(|c| c.share_change.is_some());
        let share_head = lang.t(Text::ShareChange);
        let y0 = d.previous_year.to_string();
        let y1 = year.to_string();
        let mut head = vec![lang.t(Text::Component), y0.as_str(), y1.as_str(), lang.t(Text::PartInChange)];
        if shares {
            head.push(share_head);
        }
        let rows = d.components.iter().map(|c| {
            let mut row = vec![
                component_name(dataset, lang, &s.index, year, &c.component),
                number(lang, c.before),
                number(lang, c.now),
                c.part.map(|p| lang.signed(p, 2)).unwrap_or_else(|| lang.t(Text::NoData).into()),
            ];
            if shares {
                row.push(c.share_change.map(|p| lang.signed(p, 2)).unwrap_or_else(|| "–".into()));
            }
            row
        }).collect();
        Some(table(format!("brief-why-{}", s.index), format!("{}: {} → {year}", short_name(dataset, &s.index), d.previous_year), &head, rows))
    });
    let lost_tables = st.iter().filter(|s| s.gaps.iter().any(|g| g.value.is_some())).map(|s| {
        let rows = s.gaps.iter().map(|g| vec![
            component_name(dataset, lang, &s.index, year, &g.component),
            g.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::NoData).into()),
            number(lang, g.max_points),
            number(lang, g.points_lost),
            g.best.as_ref().map(|(c, v)| format!("{} ({})", name(c), lang.number(*v, 2))).unwrap_or_default(),
            number(lang, g.national_median),
        ]).collect();
        let head = [lang.t(Text::Component), lang.t(Text::Value), lang.t(Text::MaxPoints), lang.t(Text::PointsLost), lang.t(Text::Best), lang.t(Text::NationalMedian)];
        table(format!("brief-lost-{}", s.index), format!("{} {year}", short_name(dataset, &s.index)), &head, rows)
    });
    let scenario_tables = st.iter().filter(|s| !s.scenarios.is_empty()).map(|s| {
        let rows = s.scenarios.iter().map(|x| vec![
            component_name(dataset, lang, &s.index, year, &x.component),
            lang.number(x.added, 2),
            format!("{}/{}", x.position_now, x.with_value),
            format!("{}/{}", x.position_then, x.with_value),
        ]).collect();
        let head = [lang.t(Text::Component), lang.t(Text::PointsAdded), lang.t(Text::Position), lang.t(Text::PositionScenario)];
        table(format!("brief-scenario-{}", s.index), format!("{} {year}", short_name(dataset, &s.index)), &head, rows)
    });
    let unit_rows: Vec<Vec<String>> = units.iter().map(|b| {
        let count = |u: &Option<crate::data::units::UnitScore>| u.as_ref().map(|u| figure_text(u, lang)).unwrap_or_else(|| "–".into());
        vec![
            lang.t(if b.block == UnitType::DistrictBlock { Text::Districts } else { Text::Departments }).to_string(),
            metric_name(&b.metric, lang),
            lang.number(b.value, 2),
            b.change.map(|(y, d)| format!("{} ({} {y})", lang.signed(d, 2), lang.t(Text::ComparedWith))).unwrap_or_else(|| "–".into()),
            count(&b.above_average),
            count(&b.at_least_90),
            b.top.iter().map(|u| format!("{} ({})", u.unit, figure_text(u, lang))).collect::<Vec<_>>().join("; "),
        ]
    }).collect();
    let has = |section: Section| text.iter().any(|t| t.section == section);
    let section = |id: &str, title: Text, section: Section, body: Html| html! {
        <section class="brief-section" id={id.to_string()}>
            <h3>{lang.t(title)}</h3>
            {paragraphs(&text, &notes, section)}
            {body}
        </section>
    };
    let nothing = || html! { <p class="missing">{lang.t(Text::BriefNothing)}</p> };
    let today = today();
    html! {
        <main id="brief" class="view">
            {controls(html! {
                <div class="brief-actions">
                    <button type="button" id="brief-copy" onclick={copy}>{lang.t(Text::CopyText)}</button>
                    <button type="button" id="brief-print" onclick={|_: MouseEvent| print()}>{lang.t(Text::Print)}</button>
                    <button type="button" class="link" id="brief-profile" onclick={open_profile}>{lang.t(Text::ViewProfile)}</button>
                    <span role="status" class="copied">{ if *copied { lang.t(Text::Copied) } else { "" } }</span>
                </div>
            })}
            <header class="brief-header">
                <h2 id="brief-title">{lang.fill(Text::BriefHeading, &[province.name(lang), &year.to_string()])}</h2>
                <p class="brief-meta">{ if today.is_empty() { String::new() } else { format!("{} {} · ", lang.t(Text::BriefPrepared), lang.date(&today)) } }{lang.t(Text::BriefSourceLine)}</p>
            </header>
            {section("brief-standing", Text::BriefStanding, Section::Standing, if st.is_empty() { html! {} } else {
                table("brief-standing-table".into(), format!("{} {year}", province.name(lang)), &[lang.t(Text::Index), lang.t(Text::Value), lang.t(Text::OfficialRank), lang.t(Text::ValueChange), lang.t(Text::RankChange), lang.t(Text::NationalAverage), lang.t(Text::ProvincesWithData)], standing_rows(dataset, lang, &st))
            })}
            if !st.is_empty() {
                {section("brief-why", Text::BriefWhy, Section::Why, why_tables.collect::<Html>())}
                {section("brief-lost", Text::WhereLost, Section::Lost, if has(Section::Lost) { lost_tables.collect::<Html>() } else { nothing() })}
                {section("brief-scenario", Text::BriefScenario, Section::Scenario, if has(Section::Scenario) { scenario_tables.collect::<Html>() } else { nothing() })}
            }
            if !units.is_empty() {
                {section("brief-units", Text::BriefUnits, Section::Units, table("brief-units-table".into(), format!("{} {year}", province.name(lang)),
                    &[lang.t(Text::Block), lang.t(Text::Index), lang.t(Text::Value), lang.t(Text::ValueChange), lang.t(Text::AboveAverage), lang.t(Text::AtLeast90), lang.t(Text::TopUnit)], unit_rows))}
            }
            <section class="brief-section" id="brief-notes">
                <h3>{lang.t(Text::Sources)}</h3>
                <ol>{ for notes.iter().enumerate().map(|(i, r)| html! {
                    <li id={format!("brief-note-{}", i + 1)}><span translate="no">{note_text(r)}</span></li>
                }) }</ol>
            </section>
        </main>
    }
}

// The clipboard, the print dialogue and the date need the browser; rendered on the server
// (tests), they do nothing.
#[cfg(target_arch = "wasm32")]
fn copy(text: String, copied: UseStateHandle<bool>) {
    wasm_bindgen_futures::spawn_local(async move {
        copied.set(crate::ui::web::copy_text(&text).await.is_ok());
    });
}

#[cfg(target_arch = "wasm32")]
fn print() {
    crate::ui::web::print();
}

#[cfg(target_arch = "wasm32")]
fn today() -> String {
    crate::ui::web::today()
}

#[cfg(not(target_arch = "wasm32"))]
fn copy(_: String, _: UseStateHandle<bool>) {}

#[cfg(not(target_arch = "wasm32"))]
fn print() {}

#[cfg(not(target_arch = "wasm32"))]
fn today() -> String {
    String::new()
}

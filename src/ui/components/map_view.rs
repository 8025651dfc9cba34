use super::borders_switch::borders_switch;
use super::export_buttons::ExportButtons;
use super::map_inset::{east_sea_inset, AsProvince, ProvinceEvents};
use super::picker::{index_options, picker, year_component_options, PickerProps};
use super::SharedDataset;
use crate::analysis::ranking::{rank, Row};
use crate::data::geography::{is_unit_id, FIRST_YEAR_2025};
use crate::data::map_geometry::MapShapes;
use crate::data::model::Dataset;
use crate::i18n::{Lang, Text};
use crate::render::describe;
use crate::render::export::rankings_export;
use crate::render::map::{class_of, quantile_breaks, text_colour, CLASS_COLOURS, INSET_INK};
use crate::ui::state::{Action, Selection};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use yew::prelude::*;

/// The map geometry, loaded when the map is first opened.
#[derive(Clone, Debug)]
pub enum MapGeometry {
    Loading,
    Failed(String),
    Ready(Rc<MapShapes>),
}

impl PartialEq for MapGeometry {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (MapGeometry::Loading, MapGeometry::Loading) => true,
            (MapGeometry::Failed(a), MapGeometry::Failed(b)) => a == b,
            (MapGeometry::Ready(a), MapGeometry::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub data: SharedDataset,
    pub selection: Selection,
    pub on_action: Callback<Action>,
    pub geometry: MapGeometry,
}

/// A tile's size in SVG units on the cartogram.
const TILE: f64 = 44.0;
/// Seconds between years while playing.
const PLAY_STEP: Duration = Duration::from_millis(1200);

fn label(dataset: &Dataset, lang: Lang, row: &Row) -> String {
    let name = lang.pick(&row.name_vi, &row.name_en);
    let shown = match (row.value, row.official_rank) {
        (Some(v), Some(r)) => format!("{name}: {} (#{r})", lang.number(v, 2)),
        (Some(v), None) => format!("{name}: {}", lang.number(v, 2)),
        (None, Some(r)) => format!("{name}: {} (#{r})", lang.t(Text::RankOnly)),
        (None, None) => format!("{name}: {}", lang.t(Text::NoData)),
    };
    // A value from one of the user's files says so, with its file and line.
    match row.source.and_then(|id| dataset.own_row(id)) {
        Some(own) => format!(
            "{shown} ✎ {}, {} {}",
            own.file,
            lang.t(Text::Line),
            own.line
        ),
        None => shown,
    }
}

/// Choropleth of the provinces (or the tile-grid cartogram) for one index/component/year.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let playing = use_state(|| false);
    let focused = use_state(|| None::<String>);
    let dataset = &props.data.0;
    let s = &props.selection;
    let lang = s.lang;
    // Memoised: hovering a province re-renders the view but must not re-rank the country.
    let ranking = use_memo((props.data.clone(), s.query()), |(data, query)| {
        rank(&data.0, query)
    });
    let rows: HashMap<&str, &Row> = ranking.rows.iter().map(|r| (r.code.as_str(), r)).collect();
    let values: Vec<f64> = ranking.rows.iter().filter_map(|r| r.value).collect();
    let breaks = quantile_breaks(&values);
    let years: Vec<u16> = dataset
        .index(&s.index)
        .map(|i| i.years.iter().map(|y| y.year).collect())
        .unwrap_or_default();
    let position = years.iter().position(|y| *y == s.year).unwrap_or(0);

    // While playing, step to the next year after a pause; stop at the last year.
    {
        let playing = playing.clone();
        let on_action = props.on_action.clone();
        let next = years.get(position + 1).copied();
        use_effect_with((*playing, s.year), move |(is_playing, _)| {
            if *is_playing {
                match next {
                    Some(year) => yew::platform::spawn_local(async move {
                        yew::platform::time::sleep(PLAY_STEP).await;
                        if *playing {
                            on_action.emit(Action::SetYear(year));
                        }
                    }),
                    None => playing.set(false),
                }
            }
        });
    }

    // The fill of a province and the colour of text on it.
    let fill = |code: &str| -> (String, &'static str) {
        match rows.get(code).and_then(|r| r.value) {
            Some(v) => {
                let class = class_of(v, &breaks);
                (CLASS_COLOURS[class].to_string(), text_colour(Some(class)))
            }
            None => ("url(#no-data)".to_string(), text_colour(None)),
        }
    };
    let events = |code: &str| -> ProvinceEvents {
        let open = {
            let code = code.to_string();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::OpenProfile(code.clone()))
        };
        let key = {
            let code = code.to_string();
            let on_action = props.on_action.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_action.emit(Action::OpenProfile(code.clone()));
                }
            })
        };
        let show = {
            let focused = focused.clone();
            let code = code.to_string();
            Callback::from(move |_: FocusEvent| focused.set(Some(code.clone())))
        };
        let hover = {
            let focused = focused.clone();
            let code = code.to_string();
            Callback::from(move |_: MouseEvent| focused.set(Some(code.clone())))
        };
        (open, key, show, hover)
    };

    // The map's accessible name: what it shows, as the rankings chart's title says it.
    let title = {
        let index = dataset.index(&s.index);
        let component = index
            .and_then(|i| i.year(s.year))
            .and_then(|y| y.component(&s.component));
        format!(
            "{} – {} {} – {}",
            lang.t(Text::ViewMap),
            index.map(|i| i.short_name.as_str()).unwrap_or(""),
            s.year,
            component.map(|c| c.name(lang)).unwrap_or("")
        )
    };
    let drawing = if s.tiles {
        let shown: Vec<_> = dataset
            .provinces_in(s.year)
            .filter_map(|p| p.tile.map(|t| (p, t)))
            .collect();
        let rows_n = shown.iter().map(|(_, t)| t.0).max().unwrap_or(0) as f64 + 1.0;
        let cols_n = shown.iter().map(|(_, t)| t.1).max().unwrap_or(0) as f64 + 1.0;
        let tiles = shown.iter().map(|(p, (r, c))| {
            let (colour, ink) = fill(&p.code);
            let row = rows.get(p.code.as_str());
            let text = row.map(|r| label(dataset, lang, r)).unwrap_or_default();
            let (open, key, show, hover) = events(&p.code);
            let (x, y) = (*c as f64 * TILE, *r as f64 * TILE);
            let short: String = p.name_ascii.split_whitespace().map(|w| w.chars().next().unwrap_or(' ')).collect();
            // The accessible name starts with the visible initials (WCAG 2.5.3, label in name).
            html! {
                <g class="tile" data-code={p.code.clone()} tabindex="0" role="button" aria-label={format!("{short} – {text}")}
                    onclick={open} onkeydown={key} onfocus={show} onmouseenter={hover}>
                    <title>{text}</title>
                    <rect x={format!("{:.0}", x + 1.0)} y={format!("{:.0}", y + 1.0)} width={format!("{:.0}", TILE - 2.0)} height={format!("{:.0}", TILE - 2.0)} fill={colour} stroke="#fff" />
                    <text x={format!("{:.0}", x + TILE / 2.0)} y={format!("{:.0}", y + TILE / 2.0 + 4.0)} text-anchor="middle"
                        fill={ink} font-size="12">{short}</text>
                </g>
            }
        });
        html! {
            <svg id="map-svg" class="tiles" viewBox={format!("0 0 {} {}", cols_n * TILE, rows_n * TILE + ISLANDS_NOTE)} role="group" aria-label={title.clone()} aria-describedby="map-desc">
                {hatch_pattern()}
                { for tiles }
                {islands_note(lang, rows_n * TILE)}
            </svg>
        }
    } else {
        match &props.geometry {
            MapGeometry::Loading => {
                html! { <p class="loading map-loading" role="status">{lang.t(Text::Loading)}</p> }
            }
            MapGeometry::Failed(detail) => html! {
                <section class="error-panel" role="alert"><p>{lang.t(Text::LoadFailedUrl)}{": static/map.json"}</p><p class="error-detail">{detail}</p></section>
            },
            MapGeometry::Ready(map) => {
                // The outlines of the year's geography: the 63 provinces, or the 34 units from 2025.
                let rated = |code: &str| dataset.province(code).is_some_and(|p| p.rated_in(s.year));
                let paths = map.shapes.iter().filter(|shape| rated(&shape.code)).map(|shape| {
                    let (colour, _) = fill(&shape.code);
                    let text = rows.get(shape.code.as_str()).map(|r| label(dataset, lang, r)).unwrap_or_default();
                    let (open, key, show, hover) = events(&shape.code);
                    html! {
                        <path class="province" data-code={shape.code.clone()} d={shape.d.clone()} fill={colour} stroke="#fff" stroke-width="0.6"
                            tabindex="0" role="button" aria-label={text.clone()}
                            onclick={open} onkeydown={key} onfocus={show} onmouseenter={hover}>
                            <title>{text}</title>
                        </path>
                    }
                });
                // Under the borders of 2025, the 34 outlines over the former provinces: drawn only,
                // never filled, focused or pointed at (the former provinces beneath are); their
                // colours are attributes, as the downloads (made from this SVG) need.
                let outlines = s.grouped_2025().then(|| html! {
                    <g class="outlines-2025" aria-hidden="true">
                        { for map.shapes.iter().filter(|shape| is_unit_id(&shape.code)).map(|shape| html! {
                            <path class="outline-2025" data-code={shape.code.clone()} d={shape.d.clone()} fill="none" stroke="#1b1f27" stroke-width="2" stroke-linejoin="round" />
                        }) }
                    </g>
                });
                // Quần đảo Hoàng Sa and Quần đảo Trường Sa, as their province of the year.
                let inset = east_sea_inset(&map.inset, lang, |group| {
                    let code = group.codes.iter().find(|c| rated(c))?;
                    Some(AsProvince {
                        code: code.clone(),
                        fill: fill(code).0,
                        text: rows
                            .get(code.as_str())
                            .map(|r| label(dataset, lang, r))
                            .unwrap_or_default(),
                        events: events(code),
                    })
                });
                html! {
                    <svg id="map-svg" viewBox={format!("0 0 {} {}", map.width, map.height)} role="group" aria-label={title.clone()} aria-describedby="map-desc">
                        {hatch_pattern()}
                        { for paths }
                        {outlines}
                        {inset}
                    </svg>
                }
            }
        }
    };

    let named: Vec<(&str, f64)> = ranking
        .rows
        .iter()
        .filter_map(|r| r.value.map(|v| (lang.pick(&r.name_vi, &r.name_en), v)))
        .collect();
    let description = describe::map(
        lang,
        CLASS_COLOURS.len(),
        &named,
        ranking.rows.len() - named.len(),
    );
    let mut bounds = vec![values.iter().copied().fold(f64::INFINITY, f64::min)];
    bounds.extend(breaks.iter().copied());
    bounds.push(values.iter().copied().fold(f64::NEG_INFINITY, f64::max));
    let legend = (!values.is_empty()).then(|| html! {
        <ul class="legend" id="map-legend">
            { for CLASS_COLOURS.iter().enumerate().map(|(i, c)| html! {
                <li><span class="swatch" style={format!("background:{c}")}></span>
                    {format!("{} – {}", lang.number(bounds[i], 2), lang.number(bounds[i + 1], 2))}</li>
            }) }
            <li><span class="swatch hatched"></span>{lang.t(Text::NoData)}{format!(" ({})", ranking.rows.iter().filter(|r| r.value.is_none()).count())}</li>
            if s.grouped_2025() && !s.tiles {
                <li id="legend-2025"><span class="swatch outline-2025"></span>{lang.t(Text::Outlines2025)}</li>
            }
            if s.tiles {
                <li id="legend-islands">{lang.t(Text::IslandsBelong)}</li>
            }
        </ul>
    });
    let info = (*focused)
        .as_deref()
        .and_then(|c| rows.get(c))
        .map(|r| label(dataset, lang, r));
    let ha_tay_note = (!s.tiles
        && dataset.provinces_in(s.year).any(|p| {
            p.tile.is_some() && p.last_year.is_some_and(|last| last < FIRST_YEAR_2025 - 1)
        }))
    .then(|| html! { <p class="hint">{lang.t(Text::HaTayNote)}</p> });
    let geo_only = (s.grouped_2025() && s.tiles).then(
        || html! { <p class="hint" id="borders-geo-only">{lang.t(Text::BordersGeoOnly)}</p> },
    );
    let on_slide = {
        let years = years.clone();
        props.on_action.reform(move |e: InputEvent| {
            let i: usize = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
                .parse()
                .unwrap_or(0);
            Action::SetYear(years.get(i).copied().unwrap_or(0))
        })
    };
    let toggle_play = {
        let playing = playing.clone();
        Callback::from(move |_: MouseEvent| playing.set(!*playing))
    };
    let components = year_component_options(dataset, &s.index, s.year, lang);
    let set_tiles = |tiles: bool, label: Text| {
        let onchange = props
            .on_action
            .reform(move |_: Event| Action::SetTiles(tiles));
        html! {
            <label class="radio"><input type="radio" name="map-kind" id={if tiles { "map-tiles" } else { "map-geo" }}
                checked={s.tiles == tiles} onchange={onchange} />{lang.t(label)}</label>
        }
    };
    // The table names each value's sources: offered once their list is loaded.
    let table = dataset.details_file.is_none().then(|| {
        let table = rankings_export(dataset, lang, &s.query(), &ranking, s.grouped_2025());
        Callback::from(move |_| table.clone())
    });
    html! {
        <main id="map" class="view">
            <div class="controls">
                {picker(&yew::props!(PickerProps { id: "map-index", label: lang.t(Text::Index), options: index_options(dataset), selected: s.index.clone(), on_change: props.on_action.reform(Action::SetIndex) }))}
                {picker(&yew::props!(PickerProps { id: "map-component", label: lang.t(Text::Component), options: components, selected: s.component.clone(), on_change: props.on_action.reform(Action::SetComponent) }))}
                <label class="slider">{format!("{}: {}", lang.t(Text::Year), s.year)}
                    <input id="map-year" type="range" min="0" max={years.len().saturating_sub(1).to_string()} step="1"
                        value={position.to_string()} oninput={on_slide} aria-valuetext={s.year.to_string()} />
                </label>
                <button type="button" id="map-play" class="chip" onclick={toggle_play} aria-pressed={(*playing).to_string()}>
                    {if *playing { lang.t(Text::Pause) } else { lang.t(Text::Play) }}</button>
                <fieldset class="mode"><legend>{lang.t(Text::Show)}</legend>{set_tiles(false, Text::GeoMap)}{set_tiles(true, Text::TileGrid)}</fieldset>
                {borders_switch(s, Some(s.year), &props.on_action)}
            </div>
            <p class="coverage-count" id="map-coverage">{format!("{}/{} {}", ranking.with_value, ranking.expected, lang.t(Text::ProvincesWithData))}</p>
            <div class="map-layout">
                <figure class="map-figure" id="map-figure">
                    {drawing}
                    <p class="chart-description" id="map-desc">{description}</p>
                    <figcaption class="map-credit">{lang.t(Text::MapCredit)}</figcaption>
                </figure>
                <aside>
                    <p class="map-info" id="map-info" aria-live="polite">{info.unwrap_or_else(|| lang.t(Text::MapHint).to_string())}</p>
                    {legend}
                    {ha_tay_note}
                    {geo_only}
                    <details class="data-behind">
                        <summary>{lang.t(Text::DataTable)}</summary>
                        <div class="table-wrap" tabindex="0">
                            <table id="map-table" class="data-table">
                                <thead><tr>
                                    <th scope="col">{lang.t(Text::Province)}</th>
                                    <th scope="col" class="num">{lang.t(Text::Value)}</th>
                                    <th scope="col" class="num">{lang.t(Text::OfficialRank)}</th>
                                </tr></thead>
                                <tbody>
                                    { for ranking.rows.iter().map(|r| html! {
                                        <tr>
                                            <th scope="row">{lang.pick(&r.name_vi, &r.name_en)}</th>
                                            <td class="num">{r.value.map(|v| lang.number(v, 2)).unwrap_or_else(|| lang.t(Text::NoData).into())}</td>
                                            <td class="num">{r.official_rank.map(|x| x.to_string()).unwrap_or_else(|| "–".into())}</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    </details>
                    <ExportButtons lang={lang} name={format!("chiso-map-{}-{}-{}", s.index, s.year, s.component)} chart_id="map-figure" table={table} />
                </aside>
            </div>
        </main>
    }
}

/// The height of the tile grid's note on the archipelagos, below the tiles.
const ISLANDS_NOTE: f64 = 40.0;

/// Under the tiles, in the drawing (so in its downloads too): each archipelago with its
/// province, as the map's inset labels them.
fn islands_note(lang: Lang, top: f64) -> Html {
    let line = |i: usize, text: Text| {
        html! {
            <text id={format!("tiles-islands-{i}")} x="0" y={(top + 16.0 * (i as f64 + 1.0)).to_string()} font-family="sans-serif" font-size="12" fill={INSET_INK}>
                {lang.t(text).replace('\n', " ")}</text>
        }
    };
    html! { <>{line(0, Text::HoangSa)}{line(1, Text::TruongSa)}</> }
}

/// The hatching used for "no data", named in the legend.
fn hatch_pattern() -> Html {
    html! {
        <defs>
            <pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#eceef1" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#8a919e" stroke-width="2" />
            </pattern>
        </defs>
    }
}

//! The choropleth's East Sea inset: Quần đảo Hoàng Sa and Quần đảo Trường Sa, each labelled
//! in the page's language and drawn as part of its province (its colour, its tooltip, and what
//! hovering, focusing or clicking it does). Every colour is an attribute, so that the SVG and
//! PNG downloads, made from the SVG on screen, show them as the screen does.

use crate::data::map_geometry::{Inset, IslandGroup, INSET_LABEL_SIZE, INSET_LINE};
use crate::i18n::{Lang, Text};
use crate::render::map::{INSET_GROUND, INSET_INK};
use yew::prelude::*;

/// What a province does when pointed at, focused, or clicked or entered (the map's own).
pub type ProvinceEvents = (
    Callback<MouseEvent>,
    Callback<KeyboardEvent>,
    Callback<FocusEvent>,
    Callback<MouseEvent>,
);

/// An archipelago as its province is drawn in the year shown.
pub struct AsProvince {
    /// The province's id in the year's geography ("48", or "n48" from 2025).
    pub code: String,
    /// Its fill: a class colour or the "no data" hatching.
    pub fill: String,
    /// Its label on the map (name, value, rank).
    pub text: String,
    pub events: ProvinceEvents,
}

/// The label of a group of `ISLAND_GROUPS`, its two lines split at "\n".
fn label(group: &str) -> Option<Text> {
    match group {
        "hoang_sa" => Some(Text::HoangSa),
        "truong_sa" => Some(Text::TruongSa),
        _ => None,
    }
}

/// The inset box with its title and each archipelago that `as_province` finds a province
/// for in the year shown.
pub fn east_sea_inset(
    inset: &Inset,
    lang: Lang,
    as_province: impl Fn(&IslandGroup) -> Option<AsProvince>,
) -> Html {
    let frame = inset.frame;
    let groups = inset
        .groups
        .iter()
        .filter_map(|g| Some((g, label(&g.group)?, as_province(g)?)));
    html! {
        <g class="east-sea">
            <rect x={frame.x.to_string()} y={frame.y.to_string()} width={frame.width.to_string()} height={frame.height.to_string()}
                fill={INSET_GROUND} stroke={INSET_INK} stroke-width="0.8" />
            <text x={(frame.x + frame.width - 10.0).to_string()} y={(frame.y + 10.0 + INSET_LABEL_SIZE).to_string()}
                text-anchor="end" font-family="sans-serif" font-size={INSET_LABEL_SIZE.to_string()} font-style="italic" fill={INSET_INK}>
                {lang.t(Text::EastSea)}</text>
            { for groups.map(|(g, text, province)| island_group(g, lang.t(text), province)) }
        </g>
    }
}

fn island_group(group: &IslandGroup, label: &str, province: AsProvince) -> Html {
    let name = format!("{} – {}", label.replace('\n', " "), province.text);
    let (open, key, show, hover) = province.events;
    let outline = group.outline;
    let lines = label.split('\n').enumerate().map(|(i, line)| {
        html! {
            <tspan x={group.label_x.to_string()} y={(group.label_y + i as f64 * INSET_LINE).to_string()}>{line}</tspan>
        }
    });
    // The islets are a pixel or less at the map's scale: each is drawn as a dot of its
    // province's colour with a dark rim (a light class colour stays visible on white), and a
    // dashed outline around the group.
    html! {
        <g class="islands" data-code={province.code} data-group={group.group.clone()} tabindex="0" role="button" aria-label={name.clone()}
            onclick={open} onkeydown={key} onfocus={show} onmouseenter={hover}>
            <title>{name}</title>
            <rect class="islands-outline" x={outline.x.to_string()} y={outline.y.to_string()} width={outline.width.to_string()} height={outline.height.to_string()}
                rx="6" fill={INSET_GROUND} stroke={INSET_INK} stroke-width="1" stroke-dasharray="3 2" />
            <path d={group.d.clone()} fill="none" stroke={INSET_INK} stroke-width="5" stroke-linejoin="round" />
            <path class="islets" d={group.d.clone()} fill={province.fill.clone()} stroke={province.fill} stroke-width="3.4" stroke-linejoin="round" />
            <text font-family="sans-serif" font-size={INSET_LABEL_SIZE.to_string()} fill={INSET_INK}>{ for lines }</text>
        </g>
    }
}

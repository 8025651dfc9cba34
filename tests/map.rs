mod common;

use chiso::data::map_geometry::{
    path_data, project, Frame, MapShapes, INSET_LABEL_SIZE, INSET_LINE,
};
use chiso::data::model::Dataset;
use chiso::data::user_files::import::import;
use chiso::data::user_files::index_table::Reference;
use chiso::data::user_files::merge::merge;
use chiso::i18n::Lang;
use chiso::render::map::{
    class_of, quantile_breaks, text_colour, CLASS_COLOURS, INSET_GROUND, INSET_INK,
};
use chiso::ui::components::map_view::{MapGeometry, MapView, MapViewProps};
use chiso::ui::components::SharedDataset;
use chiso::ui::state::Selection;
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

#[test]
fn projection_is_equirectangular_scaled_by_the_middle_latitude() {
    assert_eq!(project(102.1, 23.4), (0.0, 0.0));
    let (x, y) = project(103.1, 22.4);
    assert!((x - 60.0 * 16f64.to_radians().cos()).abs() < 1e-9);
    assert!((y - 60.0).abs() < 1e-9);
}

#[test]
fn path_data_has_one_closed_subpath_per_ring() {
    let square = vec![(102.1, 23.4), (103.1, 23.4), (103.1, 22.4), (102.1, 22.4)];
    let d = path_data(&[square.clone(), vec![(1.0, 1.0), (2.0, 2.0)]]);
    assert_eq!(
        d, "M0.0 0.0L57.7 0.0L57.7 60.0L0.0 60.0Z",
        "degenerate rings are dropped"
    );
    assert_eq!(path_data(&[square.clone(), square]).matches('Z').count(), 2);
}

#[test]
fn quantile_classes_cover_all_values() {
    let values: Vec<f64> = (1..=10).map(f64::from).collect();
    let breaks = quantile_breaks(&values);
    assert_eq!(breaks.len(), CLASS_COLOURS.len() - 1);
    assert_eq!(class_of(1.0, &breaks), 0);
    assert_eq!(class_of(10.0, &breaks), CLASS_COLOURS.len() - 1);
    let classes: Vec<usize> = values.iter().map(|v| class_of(*v, &breaks)).collect();
    assert!(classes.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn committed_map_has_the_63_provinces_and_the_34_units() {
    let map = MapShapes::from_json(include_str!("../static/map.json")).unwrap();
    assert_eq!(map.shapes.len(), 63 + 34);
    assert_eq!(
        map.shapes
            .iter()
            .filter(|s| s.code.starts_with('n'))
            .count(),
        34
    );
    assert!(map
        .shapes
        .iter()
        .all(|s| s.d.starts_with('M') && s.d.ends_with('Z')));
    assert!(map.width > 300.0 && map.height > 800.0);
    assert!(MapShapes::from_json("{").unwrap_err().starts_with("line 1"));
}

#[test]
fn tile_initials_are_readable_on_every_class_and_on_no_data() {
    // WCAG AA for 12 px text: 4.5:1. "No data" tiles are #ECEEF1 with a grey hatch.
    for (class, fill) in CLASS_COLOURS.iter().enumerate() {
        let ratio = common::contrast(text_colour(Some(class)), fill);
        assert!(ratio >= 4.5, "class {class} ({fill}): {ratio:.2}");
    }
    assert!(common::contrast(text_colour(None), "#ECEEF1") >= 4.5);
}

#[test]
fn the_inset_holds_both_archipelagos_east_of_the_mainland_inside_the_map() {
    let map = MapShapes::from_json(include_str!("../static/map.json")).unwrap();
    let frame = map.inset.frame;
    let points = |d: &str| -> Vec<(f64, f64)> {
        d.split(['M', 'L', 'Z'])
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (x, y) = p.split_once(' ').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect()
    };
    let mainland_east = map
        .shapes
        .iter()
        .flat_map(|s| points(&s.d))
        .map(|(x, _)| x)
        .fold(0.0, f64::max);
    assert!(frame.x > mainland_east, "the box is clear of the mainland");
    assert!(frame.x + frame.width <= map.width && frame.y + frame.height <= map.height);
    let inside = |(x, y): (f64, f64), f: &Frame| {
        x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height
    };
    assert_eq!(map.inset.groups.len(), 2);
    for group in &map.inset.groups {
        assert!(inside((group.outline.x, group.outline.y), &frame));
        let corner = (
            group.outline.x + group.outline.width,
            group.outline.y + group.outline.height,
        );
        assert!(inside(corner, &frame), "{}", group.group);
        assert!(points(&group.d)
            .into_iter()
            .all(|p| inside(p, &group.outline)));
        // Both lines of the label inside the box.
        assert!(inside(
            (group.label_x, group.label_y - INSET_LABEL_SIZE),
            &frame
        ));
        assert!(inside((group.label_x, group.label_y + INSET_LINE), &frame));
    }
    // Where they lie relative to each other is kept: Trường Sa south-east of Hoàng Sa.
    let [hoang_sa, truong_sa] = &map.inset.groups[..] else {
        unreachable!()
    };
    assert!(truong_sa.outline.x > hoang_sa.outline.x && truong_sa.outline.y > hoang_sa.outline.y);
}

#[test]
fn the_inset_labels_are_readable() {
    assert!(common::contrast(INSET_INK, INSET_GROUND) >= 4.5);
    // An islet is a dot of its province's colour in a dark rim: the rim stands out from
    // the ground, and the colour from the rim or from the ground.
    for (class, fill) in CLASS_COLOURS.iter().enumerate() {
        let seen = common::contrast(INSET_INK, fill).max(common::contrast(INSET_GROUND, fill));
        assert!(seen >= 3.0, "class {class}");
    }
}

/// The map view drawn to HTML (yew's server renderer) for `query`, in `dataset`.
fn map_html(dataset: Dataset, query: &str) -> String {
    let selection = Selection::from_query_string(&format!("view=map&{query}"), &dataset, Lang::Vi);
    let map = MapShapes::from_json(include_str!("../static/map.json")).unwrap();
    futures::executor::block_on(
        LocalServerRenderer::<MapView>::with_props(MapViewProps {
            data: SharedDataset(Rc::new(dataset)),
            selection,
            on_action: Callback::noop(),
            geometry: MapGeometry::Ready(Rc::new(map)),
        })
        .hydratable(false)
        .render(),
    )
}

/// The opening tag of the element of `class` and `data-code` (a province's path, or its
/// archipelago's group).
fn tag<'a>(html: &'a str, class: &str, code: &str) -> &'a str {
    html.split('<')
        .map(|t| &t[..t.find('>').unwrap_or(t.len())])
        .find(|t| {
            t.contains(&format!(" data-code=\"{code}\""))
                && t.contains(&format!(" class=\"{class}\""))
        })
        .unwrap_or_else(|| panic!("no {class} {code}"))
}

fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    &tag[at..at + tag[at..].find('"').unwrap()]
}

/// The fill of the islets of `group`.
fn islets_fill(html: &str, group: &str) -> String {
    let at = html.find(&format!("data-group=\"{group}\"")).unwrap();
    let islets = at + html[at..].find("class=\"islets\"").unwrap();
    let from = html[..islets].rfind('<').unwrap();
    attribute(&html[from..islets], "fill").to_string()
}

#[test]
fn the_map_draws_the_archipelagos_as_their_provinces_in_both_languages() {
    let html = map_html(common::bundled(), "index=papi&year=2024");
    assert!(html.contains(">Biển Đông</text>"));
    assert!(html.contains(">Quần đảo Hoàng Sa</tspan>") && html.contains(">(TP. Đà Nẵng)</tspan>"));
    assert!(
        html.contains(">Quần đảo Trường Sa</tspan>") && html.contains(">(tỉnh Khánh Hòa)</tspan>")
    );
    for (group, code, name) in [
        (
            "hoang_sa",
            "48",
            "Quần đảo Hoàng Sa (TP. Đà Nẵng) – Đà Nẵng: ",
        ),
        (
            "truong_sa",
            "56",
            "Quần đảo Trường Sa (tỉnh Khánh Hòa) – Khánh Hòa: ",
        ),
    ] {
        let islands = tag(&html, "islands", code);
        assert_eq!(attribute(islands, "data-group"), group);
        assert_eq!(attribute(islands, "role"), "button");
        assert_eq!(attribute(islands, "tabindex"), "0");
        // Its name says what the province's says, after the visible label.
        let province = attribute(tag(&html, "province", code), "aria-label");
        assert!(province.starts_with(&name[name.find('–').unwrap() + 4..]));
        assert_eq!(
            attribute(islands, "aria-label"),
            format!("{}{}", &name[..name.find('–').unwrap() + 4], province)
        );
        // And it takes the province's colour.
        assert_eq!(
            islets_fill(&html, group),
            attribute(tag(&html, "province", code), "fill")
        );
    }
    let html = map_html(common::bundled(), "index=papi&year=2024&lang=en");
    assert!(html.contains(">East Sea</text>"));
    assert!(
        html.contains(">Hoang Sa (Paracel)</tspan>") && html.contains(">Islands, Da Nang</tspan>")
    );
    assert!(
        html.contains(">Truong Sa (Spratly)</tspan>")
            && html.contains(">Islands, Khanh Hoa</tspan>")
    );
    assert!(attribute(tag(&html, "islands", "48"), "aria-label")
        .starts_with("Hoang Sa (Paracel) Islands, Da Nang – Da Nang: "));
    assert!(!html.contains("Quần đảo"));
}

#[test]
fn under_the_borders_of_2025_and_in_2025_the_archipelagos_go_with_the_provinces_drawn() {
    // A year before 2025 under the 34 outlines: the former Đà Nẵng and Khánh Hòa are drawn.
    let html = map_html(common::bundled(), "index=papi&year=2023&borders=2025");
    assert_eq!(html.matches("class=\"outline-2025\"").count(), 34);
    assert!(tag(&html, "islands", "48").contains("hoang_sa"));
    assert!(tag(&html, "islands", "56").contains("truong_sa"));
    // 2025 (a TEST DATA table): the 34 units.
    let d = common::bundled();
    let rows: String = d
        .provinces_in(2025)
        .enumerate()
        .map(|(i, p)| format!("papi,2025,{},{}\n", p.name_vi, 40 + i))
        .collect();
    let file = format!("index,year,province,value\n{rows}");
    let table = import(
        "TEST DATA papi 2025.csv",
        file.as_bytes(),
        Reference::of(&d),
    )
    .unwrap()
    .index
    .unwrap();
    let html = map_html(merge(&d, &[table]).dataset, "index=papi&year=2025");
    assert_eq!(html.matches("class=\"province\"").count(), 34);
    for (code, group) in [("n48", "hoang_sa"), ("n56", "truong_sa")] {
        assert!(tag(&html, "islands", code).contains(group));
        assert_eq!(
            islets_fill(&html, group),
            attribute(tag(&html, "province", code), "fill")
        );
    }
}

#[test]
fn the_archipelagos_labels_and_names_are_escaped_and_the_tile_grid_says_where_they_belong() {
    let mut d = common::bundled();
    let da_nang = d.provinces.iter_mut().find(|p| p.code == "48").unwrap();
    da_nang.name_vi = "Đà Nẵng <b>&\"".into();
    let html = map_html(d, "index=papi&year=2024");
    assert!(!html.contains("<b>"));
    let islands = tag(&html, "islands", "48");
    assert!(attribute(islands, "aria-label").contains("Đà Nẵng &lt;b&gt;&amp;&quot;:"));
    let tiles = map_html(common::bundled(), "index=papi&year=2024&map=tiles");
    assert!(tiles.contains(
        "Quần đảo Hoàng Sa thuộc thành phố Đà Nẵng, quần đảo Trường Sa thuộc tỉnh Khánh Hòa"
    ));
    // The drawing (so its downloads) says it too, under the tiles.
    assert!(tiles.contains(">Quần đảo Hoàng Sa (TP. Đà Nẵng)</text>"));
    assert!(tiles.contains(">Quần đảo Trường Sa (tỉnh Khánh Hòa)</text>"));
    let tiles = map_html(common::bundled(), "index=papi&year=2024&map=tiles&lang=en");
    assert!(tiles.contains(">Truong Sa (Spratly) Islands, Khanh Hoa</text>"));
    assert!(tiles.contains("The Hoang Sa (Paracel) Islands are part of Da Nang and the Truong Sa (Spratly) Islands part of Khanh Hoa"));
    // The map's credit says how they are drawn, and that the geometry is simplified.
    assert!(map_html(common::bundled(), "index=papi&year=2024")
        .contains("đã đơn giản hóa; quần đảo Hoàng Sa và quần đảo Trường Sa vẽ trong ô Biển Đông"));
}

mod common;

use chiso::data::map_geometry::{path_data, project, MapShapes};
use chiso::render::map::{class_of, quantile_breaks, text_colour, CLASS_COLOURS};

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

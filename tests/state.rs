mod common;

use chiso::analysis::ranking::SortColumn;
use chiso::data::units::UnitSort;
use chiso::i18n::Lang;
use chiso::ui::state::{decode_component, encode_component, Action, Selection, View};
use proptest::prelude::*;

#[test]
fn initial_selection_is_the_latest_year_total() {
    let s = Selection::initial(&common::tiny(), Lang::Vi);
    assert_eq!(
        (s.index.as_str(), s.year, s.component.as_str()),
        ("idx", 2013, "total")
    );
}

#[test]
fn query_string_round_trips() {
    let d = common::tiny();
    let s = Selection {
        view: View::Scatter,
        lang: Lang::En,
        index: "idx".into(),
        year: 2011,
        component: "total".into(),
        region: Some("south".into()),
        search: "Sơn La & co?".into(),
        sort: SortColumn::Value,
        descending: true,
        province: Some("02".into()),
        provinces: vec!["03".into(), "01".into()],
        rank_mode: true,
        tiles: true,
        y_index: "idx".into(),
        y_component: "total".into(),
        own: true,
        unit_search: "Xã Thử".into(),
        unit_sort: UnitSort::Name,
        unit_descending: true,
        borders_2025: true,
        embed: true,
    };
    let qs = s.to_query_string();
    assert!(qs.contains("q=S%C6%A1n%20La%20%26%20co%3F"), "{qs}");
    assert!(qs.contains("borders=2025"), "{qs}");
    assert_eq!(Selection::from_query_string(&qs, &d, Lang::Vi), s);
    assert_eq!(
        Selection::from_query_string(&format!("?{qs}"), &d, Lang::Vi),
        s
    );
    for view in View::ALL {
        let v = Selection { view, ..s.clone() };
        assert_eq!(
            Selection::from_query_string(&v.to_query_string(), &d, Lang::Vi).view,
            view
        );
    }
}

#[test]
fn garbage_falls_back_to_defaults() {
    let d = common::tiny();
    let initial = Selection::initial(&d, Lang::Vi);
    for qs in [
        "",
        "?",
        "index=nope&year=abc",
        "year=-1&component=zzz&region=mars&sort=up&lang=xx",
        "%%%&q=%ZZ",
        "q=%FF%FE",
        "&&&===",
        "usort=up&uq=%ZZ",
    ] {
        let s = Selection::from_query_string(qs, &d, Lang::Vi);
        assert_eq!(
            (
                s.index.as_str(),
                s.year,
                s.component.as_str(),
                s.region.clone()
            ),
            ("idx", 2013, "total", None),
            "{qs}"
        );
        assert_eq!(s.sort, initial.sort, "{qs}");
        assert_eq!(
            (s.unit_sort, s.unit_descending, s.unit_search.as_str()),
            (initial.unit_sort, true, ""),
            "{qs}"
        );
    }
    // A known year of a known index is kept; an unknown one falls back to the latest.
    assert_eq!(
        Selection::from_query_string("year=2010", &d, Lang::Vi).year,
        2010
    );
    assert_eq!(
        Selection::from_query_string("year=2012", &d, Lang::Vi).year,
        2013
    );
}

#[test]
fn actions_keep_the_selection_valid() {
    let d = common::tiny();
    let s = Selection::initial(&d, Lang::Vi);
    let s = s.apply(&d, Action::SetYear(2010));
    assert_eq!(s.year, 2010);
    let s = s.apply(&d, Action::SetComponent("nope".into()));
    assert_eq!(s.component, "total");
    let s = s.apply(&d, Action::SortBy(SortColumn::Value));
    assert!(s.descending, "values sort best first on the first click");
    let s = s.apply(&d, Action::SortBy(SortColumn::Value));
    assert!(!s.descending, "a second click reverses");
    let s = s.apply(&d, Action::SortBy(SortColumn::Province));
    assert!(!s.descending);
    let s = s.apply(&d, Action::SetSearch("x".repeat(500)));
    assert_eq!(s.search.chars().count(), 80);
    let s = s.apply(&d, Action::SetLang(Lang::En));
    assert_eq!(s.lang, Lang::En);
}

#[test]
fn the_2025_borders_switch_round_trips_and_garbage_leaves_it_off() {
    let d = common::tiny();
    let on = Selection::initial(&d, Lang::Vi).apply(&d, Action::SetBorders2025(true));
    assert!(
        on.borders_2025 && on.grouped_2025(),
        "2013 rates the 63: grouped"
    );
    assert_eq!(
        Selection::from_query_string(&on.to_query_string(), &d, Lang::Vi),
        on
    );
    let off = on.apply(&d, Action::SetBorders2025(false));
    assert!(!off.to_query_string().contains("borders"));
    for qs in ["borders=yes", "borders=", "borders=2024", "borders=%FF"] {
        assert!(
            !Selection::from_query_string(qs, &d, Lang::Vi).borders_2025,
            "{qs}"
        );
    }
}

#[test]
fn embed_round_trips_with_the_other_keys_and_leaves_the_full_view_unchanged() {
    let d = common::tiny();
    // As a user writes it: a bare key after the view's own.
    let s =
        Selection::from_query_string("?view=trends&provinces=01,03&lang=en&embed", &d, Lang::Vi);
    assert!(s.embed);
    assert_eq!((s.view, s.lang), (View::Trends, Lang::En));
    assert_eq!(s.provinces, ["01", "03"]);
    let qs = s.to_query_string();
    assert!(qs.ends_with("&embed"), "{qs}");
    assert_eq!(Selection::from_query_string(&qs, &d, Lang::Vi), s);
    // Anywhere in the query, with or without a value.
    for qs in [
        "embed&view=trends",
        "view=trends&embed=",
        "view=trends&embed=1",
    ] {
        assert!(Selection::from_query_string(qs, &d, Lang::Vi).embed, "{qs}");
    }
    // The full view: the same address without it, read back as the same view not framed.
    let full = s.query_string_embedded(false);
    assert_eq!(format!("{full}&embed"), qs);
    let back = Selection::from_query_string(&full, &d, Lang::Vi);
    assert_eq!(
        back,
        Selection {
            embed: false,
            ..s.clone()
        }
    );
    assert_eq!(back.query_string_embedded(true), qs);
    // Off by default, when switched off, and for garbage; no action turns it off.
    for qs in [
        "",
        "view=trends",
        "embed=0",
        "embed=false",
        "embed=%FF",
        "embedded",
        "xembed",
    ] {
        assert!(
            !Selection::from_query_string(qs, &d, Lang::Vi).embed,
            "{qs}"
        );
    }
    assert!(s.apply(&d, Action::SetView(View::Rankings)).embed);
    assert!(!Selection::initial(&d, Lang::Vi)
        .to_query_string()
        .contains("embed"));
}

#[test]
fn percent_coding() {
    assert_eq!(
        encode_component("Đắk Lắk"),
        "%C4%90%E1%BA%AFk%20L%E1%BA%AFk"
    );
    assert_eq!(
        decode_component("%C4%90%E1%BA%AFk+L%E1%BA%AFk").as_deref(),
        Some("Đắk Lắk")
    );
    assert_eq!(decode_component("%"), None);
    assert_eq!(decode_component("%C4"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_query_strings_never_panic(qs in "[a-z=&%?+0-9A-FĐơ_ -]{0,80}") {
        let d = common::tiny();
        let s = Selection::from_query_string(&qs, &d, Lang::Vi);
        prop_assert!(d.index(&s.index).and_then(|i| i.year(s.year)).is_some());
        // Whatever was read serialises and reads back to itself.
        prop_assert_eq!(Selection::from_query_string(&s.to_query_string(), &d, Lang::Vi), s);
    }

    #[test]
    fn any_text_round_trips_through_percent_coding(text in any::<String>()) {
        prop_assert_eq!(decode_component(&encode_component(&text)), Some(text));
    }
}

#[test]
fn unknown_index_falls_back_to_the_default_index_not_the_first() {
    let d = common::bundled();
    assert_eq!(d.indices[0].key, "par");
    assert_eq!(
        Selection::from_query_string("index=%3Cscript%3E", &d, Lang::Vi).index,
        "papi"
    );
}

#[test]
fn province_lists_are_cleaned_and_capped() {
    let d = common::bundled();
    let s = Selection::from_query_string(
        "view=trends&provinces=01,01,zz,02,04,06,08,10,11,12,14,15&province=99",
        &d,
        Lang::Vi,
    );
    assert_eq!(
        s.provinces,
        ["01", "02", "04", "06", "08", "10", "11", "12"]
    );
    assert_eq!(s.province, None);
    let s = s.apply(&d, Action::ToggleProvince("02".into()));
    assert!(!s.provinces.contains(&"02".to_string()));
    let opened = s.apply(&d, Action::OpenProfile("14".into()));
    assert_eq!(
        (opened.view, opened.province.as_deref()),
        (View::Profile, Some("14"))
    );
    assert!(s.is_navigation(&opened));
    assert!(!opened.is_navigation(&opened.apply(&d, Action::SetSearch("x".into()))));
}

#[test]
fn views_name_the_data_parts_they_need_and_the_fallback_needs_none() {
    use chiso::data::model::DataPart;
    let d = common::tiny();
    let at = |query: &str| Selection::from_query_string(query, &d, Lang::Vi);
    let totals = |key: &str| DataPart::Totals(key.into());
    assert_eq!(at("view=rankings").parts_needed(&d), [totals("idx")]);
    let every_total: Vec<DataPart> = d.indices.iter().map(|i| totals(&i.key)).collect();
    let components = |key: &str, year: u16| DataPart::Components(key.into(), year);
    assert_eq!(
        at("view=profile&index=idx&year=2011").parts_needed(&d),
        [every_total.clone(), vec![components("idx", 2011)]].concat()
    );
    assert_eq!(
        at("view=compare&index=idx&year=2010").parts_needed(&d),
        [totals("idx"), components("idx", 2010)]
    );
    // A component's views need its year's file; its line over the years every year's (the
    // latest first).
    let mut with_a = common::tiny();
    for y in &mut with_a.indices[0].years {
        y.components.push(common::component("a"));
    }
    let at = |query: &str| Selection::from_query_string(query, &with_a, Lang::Vi);
    for view in ["rankings", "map"] {
        assert_eq!(
            at(&format!("view={view}&component=a&year=2011")).parts_needed(&with_a),
            [totals("idx"), components("idx", 2011)]
        );
    }
    assert_eq!(
        at("view=trends&component=a&year=2011").parts_needed(&with_a),
        [
            totals("idx"),
            components("idx", 2013),
            components("idx", 2011),
            components("idx", 2010)
        ]
    );
    assert_eq!(at("view=trends").parts_needed(&with_a), [totals("idx")]);
    assert_eq!(
        at("view=scatter&year=2010&y_index=idx&y_component=a").parts_needed(&with_a),
        [totals("idx"), totals("idx"), components("idx", 2010)]
    );
    let at = |query: &str| Selection::from_query_string(query, &d, Lang::Vi);
    assert_eq!(at("view=inside").parts_needed(&d), [DataPart::Reports]);
    // The user's own file needs none of the bundled data.
    assert!(at("view=inside&data=own").parts_needed(&d).is_empty());
    for query in [
        "view=inside",
        "view=profile",
        "view=compare",
        "view=scatter",
    ] {
        let fallback = at(query).without_parts(&d);
        assert_eq!(fallback.view, View::Rankings);
        assert_eq!(
            fallback.parts_needed(&d),
            [totals(&fallback.index)],
            "{query}"
        );
    }
}

#[test]
fn the_unit_tables_sort_like_the_rankings_and_their_search_is_cut_like_its() {
    use chiso::data::units::UnitSort;
    let d = common::tiny();
    let s = Selection::initial(&d, Lang::Vi);
    assert_eq!((s.unit_sort, s.unit_descending), (UnitSort::Score, true));
    // Only a choice other than the default is written into the address.
    assert!(!s.to_query_string().contains("usort"));
    let by_name = s.apply(&d, Action::SortUnits(UnitSort::Name));
    assert_eq!(
        (by_name.unit_sort, by_name.unit_descending),
        (UnitSort::Name, false)
    );
    let reversed = by_name.apply(&d, Action::SortUnits(UnitSort::Name));
    assert!(reversed.unit_descending);
    let back = reversed.apply(&d, Action::SortUnits(UnitSort::Score));
    assert_eq!(
        (back.unit_sort, back.unit_descending),
        (UnitSort::Score, true)
    );
    let lowest_first = back.apply(&d, Action::SortUnits(UnitSort::Score));
    assert!(lowest_first
        .to_query_string()
        .contains("usort=score&udir=asc"));
    let long = s.apply(&d, Action::SetUnitSearch("x".repeat(500)));
    assert_eq!(long.unit_search.chars().count(), 80);
    assert!(!s.is_navigation(&long));
}

use chiso::i18n::Lang;
use chiso::render::describe;

#[test]
fn ranking_names_the_extremes_the_median_and_what_is_left_out() {
    let items = [("Đà Nẵng", 70.0), ("Sơn La", 58.5), ("Quảng Ninh", 65.6)];
    assert_eq!(
        describe::ranking(Lang::En, &items, 2),
        "Horizontal bar chart in ranking order: 3 provinces with data. Highest: Đà Nẵng (70.00); \
         lowest: Sơn La (58.50); median: 65.60. 2 provinces without data are not drawn."
    );
    let vi = describe::ranking(Lang::Vi, &items, 0);
    assert!(
        vi.contains("Cao nhất: Đà Nẵng (70,00)") && !vi.contains("không được vẽ"),
        "{vi}"
    );
    assert_eq!(describe::extremes(Lang::En, &[]), None);
}

#[test]
fn trends_keep_gaps_as_gaps() {
    let points = [(2011, Some(6.5)), (2012, None), (2013, Some(7.25))];
    let none = [(2011, None), (2012, None)];
    let text = describe::trends(
        Lang::En,
        (2011, 2013),
        false,
        &[],
        &[("Hà Nội", &points), ("Hà Tây", &none)],
    );
    assert_eq!(
        text,
        "Line chart 2011–2013; years without data are left as gaps, not bridged. \
         Hà Nội: 6.50 (2011) → 7.25 (2013); years without data: 1. Hà Tây: no data."
            .replace("no data", Lang::En.t(chiso::i18n::Text::NoData))
    );
    let ranks = describe::trends(Lang::Vi, (2011, 2013), true, &[], &[("Hà Nội", &points)]);
    assert!(ranks.contains("hạng 6 (2011) → hạng 7 (2013)"), "{ranks}");
}

#[test]
fn trends_say_the_lines_stop_at_a_change_of_method() {
    let papi = [(2016, Some(35.0)), (2017, Some(36.0)), (2018, Some(43.0))];
    let before = [(2016, Some(35.0)), (2017, Some(36.0)), (2018, None)];
    let en = describe::trends(Lang::En, (2016, 2018), false, &[2018], &[("Sơn La", &papi)]);
    assert!(
        en.contains(
            "No line is joined across a change of method (2018): values on either side are not comparable."
        ),
        "{en}"
    );
    let vi = describe::trends(
        Lang::Vi,
        (2016, 2018),
        true,
        &[2013, 2018],
        &[("Sơn La", &papi)],
    );
    assert!(
        vi.contains("Đường không nối qua năm thay đổi phương pháp (2018)"),
        "only the break a line crosses is named: {vi}"
    );
    // A break no line has values on both sides of is not said to cut one.
    let none = describe::trends(
        Lang::En,
        (2016, 2018),
        false,
        &[2018],
        &[("Sơn La", &before)],
    );
    assert!(!none.contains("change of method"), "{none}");
    assert_eq!(describe::method_breaks(Lang::En, &[2018], &[&before]), None);
}

#[test]
fn scatter_compare_and_map_say_what_is_drawn() {
    let s = describe::scatter(Lang::En, 61, "PAPI", "PCI", Some(0.4321), Some(0.4));
    assert!(
        s.contains("61 provinces with both values") && s.contains("r = 0.432, Spearman ρ = 0.400"),
        "{s}"
    );
    assert!(!describe::scatter(Lang::En, 1, "x", "y", None, None).contains("Pearson"));
    let values = vec![vec![Some(5.0), None], vec![Some(6.0), Some(2.0)]];
    let c = describe::compare(Lang::En, &["A", "B"], &["Hà Nội", "Huế"], &values);
    assert!(
        c.ends_with("Highest on each component: A: Huế (6.00); B: Huế (2.00)."),
        "{c}"
    );
    let m = describe::map(Lang::Vi, 5, &[("Huế", 1.0), ("Hà Nội", 3.0)], 61);
    assert!(
        m.contains("5 nhóm")
            && m.contains("61 tỉnh không có số liệu")
            && m.contains("Cao nhất: Hà Nội (3,00)"),
        "{m}"
    );
}

#[test]
fn a_band_stays_a_band() {
    let bars = [("Sở Tư pháp", 95.5, 95.5), ("Huyện Mộc Châu", 80.0, 90.0)];
    assert_eq!(
        describe::ranges(Lang::En, &bars),
        "One bar per unit (2). Scores published as bands are drawn as ranges from low to high. \
         Top to bottom: Sở Tư pháp (95.50) … Huyện Mộc Châu (80.00–90.00)."
    );
    assert_eq!(
        describe::ranges(Lang::En, &bars[..1]),
        "One bar per unit (1). Sở Tư pháp (95.50)."
    );
    assert_eq!(describe::ranges(Lang::En, &[]), "");
}

mod common;

use chiso::analysis::profile::{breakdown, former_breakdown, latest_year_with_value, standings};
use chiso::analysis::stats::median;
use chiso::data::model::Dataset;

fn real() -> Dataset {
    common::bundled()
}

#[test]
fn breakdown_puts_the_largest_gap_first_with_correct_medians() {
    let d = real();
    let son_la = "14";
    let gaps = breakdown(&d, "pci", 2016, son_la);
    assert_eq!(gaps.len(), 10, "PCI 2016 has 10 sub-indices");
    let shares: Vec<f64> = gaps.iter().map(|g| g.gap_share.unwrap()).collect();
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    let g = &gaps[0];
    let values: Vec<f64> = d
        .series("pci", 2016, &g.component)
        .unwrap()
        .points
        .iter()
        .filter_map(|p| p.value)
        .collect();
    assert_eq!(g.national_median, median(&values));
    let (best_code, best) = g.best.clone().unwrap();
    assert_eq!(best, values.iter().copied().fold(f64::MIN, f64::max));
    assert!((g.gap_share.unwrap() - (best - g.value.unwrap()) / 10.0).abs() < 1e-12);
    assert_ne!(best_code, son_la);
    // The regional median is over the province's own region only.
    let region = &d.province(son_la).unwrap().region;
    let regional: Vec<f64> = d
        .series("pci", 2016, &g.component)
        .unwrap()
        .points
        .iter()
        .filter(|p| &d.province(&p.province).unwrap().region == region)
        .filter_map(|p| p.value)
        .collect();
    assert_eq!(g.region_median, median(&regional));
}

#[test]
fn points_lost_where_the_maximum_is_published() {
    let d = real();
    let kon_tum = d
        .provinces
        .iter()
        .find(|p| p.name_vi == "Kon Tum")
        .unwrap()
        .code
        .clone();
    let gaps = breakdown(&d, "par", 2023, &kon_tum);
    let with_max: Vec<_> = gaps.iter().filter(|g| g.points_lost.is_some()).collect();
    assert!(!with_max.is_empty());
    for g in &with_max {
        assert!((g.points_lost.unwrap() - (g.max_points.unwrap() - g.value.unwrap())).abs() < 1e-9);
    }
    // Components with points lost come first, largest first.
    let lost: Vec<f64> = gaps
        .iter()
        .take(with_max.len())
        .map(|g| g.points_lost.unwrap())
        .collect();
    assert!(lost.windows(2).all(|w| w[0] >= w[1]), "{lost:?}");
    assert!(gaps
        .iter()
        .skip(with_max.len())
        .all(|g| g.points_lost.is_none()));
}

#[test]
fn standings_cover_every_index_with_history_gaps() {
    let d = real();
    let s = standings(&d, "14");
    assert_eq!(s.len(), 4);
    let pci = s.iter().find(|x| x.index == "pci").unwrap();
    assert_eq!(pci.latest.as_ref().unwrap().0, 2020);
    // PCI 2017–2019 are partial years without Sơn La: missing, not invented.
    assert!(
        pci.history
            .iter()
            .filter(|(y, _)| [2017, 2018, 2019].contains(y))
            .all(|(_, v)| v.is_none()),
        "missing years are not invented"
    );
    assert_eq!(latest_year_with_value(&d, "par", "14"), Some(2024));
    // Hà Tây has no PAPI at all.
    let ha_tay = standings(&d, "28");
    assert!(ha_tay
        .iter()
        .find(|x| x.index == "papi")
        .unwrap()
        .latest
        .is_none());
}

#[test]
fn a_2025_province_before_2025_shows_its_former_provinces_own_components_never_combined() {
    let d = real();
    // The Lào Cai of 2025 has no PAPI 2024 of its own; its former provinces, Lào Cai and Yên
    // Bái, each have every component.
    assert!(breakdown(&d, "papi", 2024, "n15")
        .iter()
        .all(|g| g.value.is_none()));
    let former = former_breakdown(&d, "papi", 2024, "n15").expect("former provinces' components");
    assert_eq!(former.provinces, ["10", "15"]);
    let year = d.index("papi").unwrap().year(2024).unwrap();
    let keys: Vec<&str> = year
        .components
        .iter()
        .map(|c| c.key.as_str())
        .filter(|k| *k != "total")
        .collect();
    let rows: Vec<&str> = former.rows.iter().map(|r| r.component.as_str()).collect();
    assert_eq!(rows, keys, "every component, in the index's order");
    for row in &former.rows {
        assert_eq!(row.gaps.len(), 2);
        for (gap, code) in row.gaps.iter().zip(&former.provinces) {
            // Each value is the former province's own, exactly as published.
            let own = d
                .series("papi", 2024, &row.component)
                .and_then(|s| s.points.iter().find(|p| &p.province == code))
                .and_then(|p| p.value);
            assert!(own.is_some(), "{code} {}", row.component);
            assert_eq!(gap.value, own);
            let alone = breakdown(&d, "papi", 2024, code);
            assert_eq!(
                Some(gap),
                alone.iter().find(|g| g.component == row.component)
            );
        }
    }
    // Not for a former province, nor for a 2025 province in 2025, nor without components.
    assert_eq!(former_breakdown(&d, "papi", 2024, "15"), None);
    assert_eq!(former_breakdown(&d, "papi", 2025, "n15"), None);
    assert_eq!(former_breakdown(&d, "papi", 1999, "n15"), None);
}

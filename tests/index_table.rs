//! Users' index tables: province spellings by year, row checks, the worker's reply, and the
//! merge into the bundled dataset. Checked against the bundled dataset (its provinces of both
//! geographies and its indices' scales); the figures in rows are test data unless they repeat
//! the bundled ones.
use chiso::data::model::Dataset;
use chiso::data::user_files::import::{import, run, FileError, FileKind, Import, RowProblem};
use chiso::data::user_files::index_table::{
    DeclarationFault, IndexTable, OwnUnit, Problem, Reference, TEMPLATE,
};
use chiso::data::user_files::merge::{merge, Additions};
use chiso::data::user_files::spelling::{key, Place, Resolution, Resolver};
use chiso::i18n::Lang;
use proptest::prelude::*;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

mod common;

/// The bundled data with every part loaded: a merge must meet every bundled value it may
/// disagree with.
fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(common::bundled)
}

fn reference() -> Reference {
    Reference::of(dataset())
}

fn resolver() -> Resolver {
    Resolver::new(reference().places)
}

/// The id a spelling resolves to in `year`, or what else happened.
fn id(written: &str, year: u16) -> String {
    match resolver().resolve(written, year) {
        Resolution::Found(p) => p.id.clone(),
        other => format!("{other:?}"),
    }
}

const HEADER: &str = "index,year,province,component,value,rank,source\n";

fn table(rows: &str) -> Import {
    import(
        "mine.csv",
        format!("{HEADER}{rows}").as_bytes(),
        reference(),
    )
    .unwrap()
}

fn problems(result: &Import) -> Vec<(u64, RowProblem)> {
    result
        .errors
        .iter()
        .map(|e| (e.line, e.problem.clone()))
        .collect()
}

/// Every spelling names `ids`' province in each of their years.
fn all_name(spellings: &[&str], ids: &[(u16, &str)]) {
    for written in spellings {
        for (year, expected) in ids {
            assert_eq!(id(written, *year), *expected, "{written} in {year}");
        }
    }
}

#[test]
fn spellings_people_type_name_the_same_province() {
    all_name(
        &[
            "Hồ Chí Minh",
            "HỒ CHÍ MINH",
            "ho chi minh",
            "TP.HCM",
            "TP. Hồ Chí Minh",
            "Tp Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "tphcm",
            "HCMC",
            "Ho Chi Minh City",
        ],
        &[(2023, "79"), (2025, "n79")],
    );
    all_name(
        &[
            "Thừa Thiên Huế",
            "TT-Huế",
            "TT Huế",
            "Thành phố Huế",
            "Huế",
            "Hue",
            "thua thien hue",
        ],
        &[(2023, "46"), (2025, "n46")],
    );
    all_name(
        &[
            "Bà Rịa - Vũng Tàu",
            "Bà Rịa-Vũng Tàu",
            "Ba Ria Vung Tau",
            "Tỉnh Bà Rịa – Vũng Tàu",
            "BRVT",
        ],
        &[(2020, "77")],
    );
    let nfd: String = "Sơn La".nfd().collect();
    assert_eq!(id(&nfd, 2022), "14");
    assert_eq!(id("tỉnh sơn la", 2022), "14");
    assert_eq!(id("Hanoi", 2022), "01");
    assert_eq!(id("Ha Noi", 2025), "n01");
    assert_eq!(
        key("Thanh Hóa"),
        "thanhhoa",
        "a name that starts like a prefix keeps it"
    );
    // The same spelling in two geographies: Lào Cai before and after it took in Yên Bái.
    assert_eq!(id("Lào Cai", 2024), "10");
    assert_eq!(id("Lào Cai", 2025), "n15");
}

#[test]
fn a_province_not_in_the_year_s_geography_says_what_it_became_or_was() {
    let r = resolver();
    let Resolution::Former { named, now } = r.resolve("Yên Bái", 2025) else {
        panic!("{:?}", r.resolve("Yên Bái", 2025))
    };
    assert_eq!(
        (named.id.as_str(), now.map(|p| p.id.as_str())),
        ("15", Some("n15"))
    );
    // Hà Tây is rated to 2008, then part of Hà Nội.
    assert_eq!(id("Hà Tây", 2005), "28");
    let Resolution::Former { now, .. } = r.resolve("Ha Tay", 2012) else {
        panic!()
    };
    assert_eq!(now.map(|p| p.id.as_str()), Some("01"));
    let result = table(
        "par,2025,Yên Bái,total,80,,\npapi,2012,Hà Tây,total,40,,\npar,2025,Hà Tây,total,80,,\n",
    );
    let messages: Vec<(String, String)> = result
        .errors
        .iter()
        .map(|e| (e.problem.message(Lang::Vi), e.problem.message(Lang::En)))
        .collect();
    assert_eq!(
        messages[0],
        (
            "Yên Bái thuộc Lào Cai từ ngày 1/7/2025, không có trong danh sách tỉnh năm 2025".into(),
            "Yen Bai is part of Lao Cai since 1 July 2025, not a province of 2025".into()
        )
    );
    assert!(
        messages[1]
            .1
            .starts_with("Ha Tay is part of Hanoi since 2008"),
        "{:?}",
        messages[1]
    );
    // In 2025 too, Hà Tây has been part of Hà Nội since 2008.
    assert_eq!(
        messages[2].1,
        "Ha Tay is part of Hanoi since 2008, not a province of 2025"
    );
    assert_eq!(
        messages[2].0,
        "Hà Tây thuộc Hà Nội từ năm 2008, không có trong danh sách tỉnh năm 2025"
    );
    assert_eq!(result.errors[0].line, 2);
}

#[test]
fn a_unit_of_2025_named_in_an_earlier_year_exists_only_since_1_july_2025() {
    // Test data: a unit whose name no former province had.
    let places = vec![
        Place {
            id: "91".into(),
            name_vi: "Tỉnh Cũ".into(),
            name_en: "Old Province".into(),
            first_year: None,
            last_year: Some(2024),
            merged_2025_into: Some("n91".into()),
            members: vec![],
        },
        Place {
            id: "n91".into(),
            name_vi: "Tỉnh Mới".into(),
            name_en: "New Province".into(),
            first_year: Some(2025),
            last_year: None,
            merged_2025_into: None,
            members: vec!["91".into()],
        },
    ];
    let reference = Reference {
        indices: Vec::new(),
        places,
        scales: reference().scales,
        components: Vec::new(),
    };
    let text = format!("{HEADER}par,2023,Tỉnh Mới,total,80,,\npar,2025,Old Province,total,80,,\n");
    let result = import("f.csv", text.as_bytes(), reference).unwrap();
    assert!(matches!(
        result.errors[0].problem,
        RowProblem::Index(Problem::NotYet { .. })
    ));
    assert_eq!(
        result.errors[0].problem.message(Lang::En),
        "New Province exists only since 1 July 2025, not a province of 2023"
    );
    assert!(result.errors[1]
        .problem
        .message(Lang::Vi)
        .starts_with("Tỉnh Cũ thuộc Tỉnh Mới từ ngày 1/7/2025"));
}

#[test]
fn an_unknown_province_gets_the_closest_name_of_its_year() {
    let result = table("par,2022,Son Laa,total,80,,\npar,2025,Lao Kai,total,80,,\n");
    match &result.errors[0].problem {
        RowProblem::Index(Problem::UnknownProvince { written, closest }) => {
            assert_eq!(written, "Son Laa");
            assert_eq!(closest.as_ref().unwrap().vi, "Sơn La");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        result.errors[0].problem.message(Lang::En),
        "unknown province \"Son Laa\" (closest: Son La)"
    );
    assert_eq!(
        result.errors[1].problem.message(Lang::Vi),
        "không rõ tỉnh \"Lao Kai\" (gần nhất: Lào Cai)"
    );
}

#[test]
fn ranks_run_to_the_number_of_provinces_of_the_year() {
    let r = resolver();
    for (year, n) in [(2005, 64), (2008, 64), (2009, 63), (2024, 63), (2025, 34)] {
        assert_eq!(r.count_in(year), n, "{year}");
        assert_eq!(dataset().provinces_in(year).count(), n, "{year}");
    }
    let result = table(concat!(
        "papi,2024,Sơn La,total,,63,\n",     // 2: good (rank only)
        "papi,2024,Lai Châu,total,,64,\n",   // 3: above 63
        "papi,2025,Lai Châu,total,,35,\n",   // 4: above 34
        "papi,2025,Sơn La,total,,34,\n",     // 5: good
        "papi,2024,Điện Biên,total,,2.5,\n", // 6: not whole
        "papi,2024,Hà Giang,total,,0,\n",    // 7: zero
        "papi,2024,Cao Bằng,total,,abc,\n",  // 8: not a number
        "pci,2005,Hà Tây,total,,64,\n",      // 9: good (64 in 2005)
        "papi,2024,Bắc Kạn,total,,,\n",      // 10: no value or rank
    ));
    let got = problems(&result);
    assert_eq!(
        got.iter().map(|p| p.0).collect::<Vec<_>>(),
        [3, 4, 6, 7, 8, 10]
    );
    assert!(matches!(
        got[0].1,
        RowProblem::Index(Problem::BadRank { provinces: 63, .. })
    ));
    assert!(matches!(
        got[1].1,
        RowProblem::Index(Problem::BadRank { provinces: 34, .. })
    ));
    assert_eq!(got[5].1, RowProblem::Index(Problem::NoValueOrRank));
    assert_eq!(
        got[1].1.message(Lang::En),
        "rank \"35\" is not a whole number from 1 to 34 (the provinces of 2025)"
    );
    assert_eq!(result.index.unwrap().rows.len(), 3);
}

#[test]
fn each_bad_row_of_an_index_table_has_its_line_and_reason_and_good_rows_are_kept() {
    let result = table(concat!(
        "par,2024,Sơn La,total,90.02,12,\n",           // 2: good
        "par,2024,Sơn La,total,90.02,12,\n",           // 3: duplicate of 2
        "PAR INDEX,2025,TP.HCM,,85.5,,Sở Nội vụ\n",    // 4: good, component total
        "papi,2024,Lai Châu,total,90,,\n",             // 5: above PAPI's 80
        "papi,2024,Lai Châu,participation,0.5,,\n",    // 6: below participation's 1
        "par,2024,Lai Châu,nonsense,5,,\n",            // 7: no such component
        "xyz,2024,Lai Châu,total,5,,\n",               // 8: undeclared index
        "par,20x4,Lai Châu,total,5,,\n",               // 9: not a year
        "par,2024,,total,5,,\n",                       // 10: no province
        "pci,2020,Hồ Chí Minh,total,abc,,\n",          // 11: not a number
        "par,2025,Hồ Chí Minh,,85.6,,\n",              // 12: same key as 4
        "par,2024,Lai Châu,admin_procedures,12.5,,\n", // 13: good (a component)
    ));
    let got = problems(&result);
    assert_eq!(
        got.iter().map(|p| p.0).collect::<Vec<_>>(),
        [3, 5, 6, 7, 8, 9, 10, 11, 12]
    );
    assert_eq!(
        got[0].1,
        RowProblem::Index(Problem::Duplicate { first_line: 2 })
    );
    assert_eq!(
        got[1].1,
        RowProblem::Index(Problem::OutOfScale {
            value: 90.0,
            min: 8.0,
            max: 80.0
        })
    );
    assert!(matches!(
        got[2].1,
        RowProblem::Index(Problem::OutOfScale { min: 1.0, .. })
    ));
    assert!(matches!(
        got[3].1,
        RowProblem::Index(Problem::UnknownComponent { .. })
    ));
    assert_eq!(
        got[4].1,
        RowProblem::Index(Problem::UnknownIndex("xyz".into()))
    );
    assert!(matches!(got[5].1, RowProblem::BadYear(_)));
    assert_eq!(got[6].1, RowProblem::Missing("province"));
    assert!(matches!(
        got[7].1,
        RowProblem::NotANumber {
            column: "value",
            ..
        }
    ));
    assert_eq!(
        got[8].1,
        RowProblem::Index(Problem::Duplicate { first_line: 4 })
    );
    for (_, p) in &got {
        let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{p:?}");
    }
    let rows = result.index.unwrap().rows;
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (
            rows[1].index.as_str(),
            rows[1].province.as_str(),
            rows[1].component.as_str()
        ),
        ("par", "n79", "total")
    );
    assert_eq!(rows[1].source.as_deref(), Some("Sở Nội vụ"));
    assert_eq!((rows[0].line, rows[1].line, rows[2].line), (2, 4, 13));
    assert!(result.scores.is_empty());
}

#[test]
fn an_index_of_the_user_s_own_is_declared_on_its_first_row() {
    let text = concat!(
        "index,year,province,value,index_name_vi,index_name_en,unit,scale_min,scale_max,higher_is_better\n",
        "ddci_sl,2023,Sơn La,,,,,,,\n",                                               // 2: not declared yet (no value either)
        "ddci_sl,2023,Sơn La,71.5,Chỉ số DDCI Sơn La,Son La DDCI,points,0,100,true\n", // 3: declares
        "ddci_sl,2023,Lai Châu,101,,,,,,\n",                                           // 4: above its scale
        "ddci_sl,2024,Lai Châu,65,,,,,,\n",                                            // 5: good
        "Mine Index,2024,Lai Châu,65,Của tôi,,,0,10,\n",                               // 6: bad key
        "own2,2024,Lai Châu,65,Của tôi,,,10,0,\n",                                     // 7: scale not a range
        "own3,2024,Lai Châu,65,,,,0,10,\n",                                            // 8: no names
        "own4,2024,Lai Châu,65,X,,stars,0,10,\n",                                      // 9: unknown unit
        "own5,2024,Lai Châu,65,X,,,0,100,maybe\n",                                     // 10: unknown direction
        "own6,2024,Lai Châu,5,Chỉ số riêng,,%,0,10,không\n",                           // 11: good, lower is better
    );
    let result = import("own.csv", text.as_bytes(), reference()).unwrap();
    let got = problems(&result);
    assert_eq!(
        got.iter().map(|p| p.0).collect::<Vec<_>>(),
        [2, 4, 6, 7, 8, 9, 10]
    );
    assert_eq!(
        got[0].1,
        RowProblem::Index(Problem::UnknownIndex("ddci_sl".into()))
    );
    assert!(matches!(
        got[1].1,
        RowProblem::Index(Problem::OutOfScale { max: 100.0, .. })
    ));
    let fault = |i: usize| match &got[i].1 {
        RowProblem::Index(Problem::BadDeclaration { fault, .. }) => fault.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(fault(2), DeclarationFault::Key);
    assert_eq!(fault(3), DeclarationFault::Scale);
    assert_eq!(fault(4), DeclarationFault::Names);
    assert_eq!(fault(5), DeclarationFault::Unit("stars".into()));
    assert_eq!(fault(6), DeclarationFault::Direction("maybe".into()));
    let table = result.index.unwrap();
    assert_eq!(table.rows.len(), 3);
    let declared: Vec<_> = table
        .declared
        .iter()
        .map(|d| (d.key.as_str(), d.line))
        .collect();
    assert_eq!(declared, [("ddci_sl", 3), ("own6", 11)]);
    let own6 = &table.declared[1];
    assert_eq!(
        (own6.name_en.as_str(), own6.unit, own6.higher_is_better),
        ("Chỉ số riêng", OwnUnit::Percent, false)
    );
}

#[test]
fn index_tables_in_tsv_json_and_excel_s_semicolons() {
    let tsv = "index\tyear\tprovince\tvalue\trank\r\npar\t2024\tSơn La\t90,02\t12\r\npar\t2024\tLai Châu\t101\t\r\n";
    let r = import("pasted", tsv.as_bytes(), reference()).unwrap();
    assert_eq!(r.index.as_ref().unwrap().rows[0].value, Some(90.02));
    assert_eq!(r.errors[0].line, 3);
    let semicolons = "index;year;province;value\npar;2024;Sơn La;90,02\n";
    let r = import("f.csv", semicolons.as_bytes(), reference()).unwrap();
    assert_eq!(r.index.unwrap().rows[0].value, Some(90.02));
    let json = r#"[{"index":"par","year":2024,"province":"Sơn La","value":90.02,"rank":12},
                  {"index":"own","year":2024,"province":"Sơn La","value":3,"index_name_en":"Own","scale_min":0,"scale_max":5,"higher_is_better":false},
                  {"index":"par","year":2024,"province":"Nowhere","value":90}]"#;
    let r = import("f.json", json.as_bytes(), reference()).unwrap();
    let t = r.index.unwrap();
    assert_eq!(
        (
            t.rows.len(),
            t.declared.len(),
            t.declared[0].higher_is_better
        ),
        (2, 1, false)
    );
    assert_eq!(r.errors[0].line, 3);
}

#[test]
fn a_header_of_neither_kind_or_short_of_columns_is_refused_with_what_was_read() {
    let e = import(
        "f.csv",
        b"index,year,province\npar,2024,Son La\n",
        reference(),
    )
    .unwrap_err();
    assert!(matches!(
        &e,
        FileError::BadHeader { kind: Some(FileKind::IndexTable), missing, .. } if missing == &["value".to_string()]
    ));
    assert!(e
        .message(Lang::En)
        .contains("an index table needs the columns index,year,province,value"));
    let e = import("f.csv", "tỉnh\tnăm\n".as_bytes(), reference()).unwrap_err();
    let en = e.message(Lang::En);
    assert!(
        en.starts_with("No usable header. The header read: «tỉnh\tnăm» (separator: tab)"),
        "{en}"
    );
    assert!(en.contains("unit scores") && en.contains("index table"));
}

#[test]
fn an_index_table_read_without_the_provinces_is_refused_as_a_whole() {
    let e = import("t.csv", TEMPLATE.as_bytes(), Reference::default()).unwrap_err();
    assert_eq!(e, FileError::NoProvinces);
    assert!(e.message(Lang::En).contains("list of provinces"));
}

#[test]
fn the_template_matches_the_bundled_data_and_the_format_note_is_in_both_languages() {
    let result = import("template.csv", TEMPLATE.as_bytes(), reference()).unwrap();
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    let table = result.index.unwrap();
    assert_eq!(table.rows.len(), 2);
    for row in &table.rows {
        assert_eq!(
            dataset().value(&row.index, row.year, &row.component, &row.province),
            row.value,
            "{row:?}"
        );
        assert!(row
            .source
            .as_ref()
            .unwrap()
            .starts_with("Ví dụ / Example: https://"));
    }
    let merged = merge(dataset(), &[table]);
    assert_eq!(
        (merged.added, merged.agreeing, merged.disagreeing),
        (0, 2, 0)
    );
}

#[test]
fn the_worker_replies_with_an_index_table() {
    let file = "index,year,province,value\npar,2025,Lào Cai,88.1\npar,2025,Yên Bái,80\n";
    let mut replies = Vec::new();
    run("f.csv", file.as_bytes(), reference(), 1, |r| {
        replies.push(r)
    });
    let last = replies.last().unwrap();
    assert!(last.is_final() && last.scores.is_none());
    for reply in &replies {
        let json = miniserde::json::to_string(reply);
        let back: chiso::data::user_files::import::Reply =
            miniserde::json::from_str(&json).unwrap();
        assert_eq!(&back, reply);
    }
    // The table goes to the page as its JSON, with its row count.
    let sent = last.index.as_ref().unwrap();
    let table: IndexTable = miniserde::json::from_str(&sent.json).unwrap();
    assert_eq!((sent.rows, table.rows[0].province.as_str()), (1, "n15"));
    let errors = last.errors.as_ref().unwrap();
    assert_eq!(errors[0].line, 3);
    assert!(errors[0].why.en.contains("Yen Bai is part of Lao Cai"));
}

fn own_table(file: &str, text: &str) -> IndexTable {
    let result = import(file, text.as_bytes(), reference()).unwrap();
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    result.index.unwrap()
}

#[test]
fn merged_values_are_marked_as_the_user_s_and_disagreements_keep_both_with_their_sources() {
    let base = dataset();
    let bundled = base
        .series("par", 2024, "total")
        .unwrap()
        .points
        .iter()
        .find(|p| p.province == "14")
        .unwrap()
        .clone();
    let mine = own_table(
        "mine.csv",
        concat!(
            "index,year,province,component,value,rank,source\n",
            "par,2025,Lào Cai,total,88.1,3,https://example.org/test\n", // 2: added (a year not bundled)
            "par,2025,TP.HCM,total,,1,\n",                              // 3: added, rank only
            "par,2024,Sơn La,total,91,12,\n",                           // 4: value differs
            "par,2024,Lào Cai,total,,1,\n", // 5: rank differs (test data)
        ),
    );
    let merged = merge(base, std::slice::from_ref(&mine));
    let d = &merged.dataset;
    d.check_references().unwrap();
    assert_eq!(
        (
            merged.added,
            merged.agreeing,
            merged.disagreeing,
            merged.unplaced
        ),
        (2, 0, 2, 0)
    );
    // A new year of a bundled index: its metadata follows the index's latest year.
    let year = d.index("par").unwrap().year(2025).unwrap();
    assert_eq!(year.components[0].key, "total");
    assert_eq!(year.components[0].scale_max, 100.0);
    let series = d.series("par", 2025, "total").unwrap();
    let lao_cai = series.points.iter().find(|p| p.province == "n15").unwrap();
    assert_eq!((lao_cai.value, lao_cai.rank), (Some(88.1), Some(3)));
    let source = d.source(lao_cai.source).unwrap();
    assert_eq!(source.citation, "mine.csv | https://example.org/test");
    assert_eq!(
        d.own_row(source.id).map(|o| (o.file.as_str(), o.line)),
        Some(("mine.csv", 2))
    );
    // The bundled value stays shown; the user's is beside it, with both sources.
    assert_eq!(d.value("par", 2024, "total", "14"), bundled.value);
    let conflicts: Vec<_> = d
        .conflicts_about("par", 2024, "total")
        .filter(|c| c.source_other.is_some_and(|s| d.own_row(s).is_some()))
        .collect();
    assert_eq!(conflicts.len(), 2);
    let sl = conflicts
        .iter()
        .find(|c| c.province.as_deref() == Some("14"))
        .unwrap();
    assert_eq!(
        (
            sl.field.as_str(),
            sl.value_kept.clone(),
            sl.value_other.as_str()
        ),
        ("total", bundled.value.unwrap().to_string(), "91")
    );
    assert_eq!(sl.source_kept, Some(bundled.source));
    assert_eq!(d.own_row(sl.source_other.unwrap()).unwrap().line, 4);
    assert!(sl.note.contains("mine.csv (line 4)") && sl.note_vi.contains("mine.csv (dòng 4)"));
    assert_eq!(sl.anchor().as_deref(), Some("conflict-14"));
    let lc = conflicts
        .iter()
        .find(|c| c.province.as_deref() != Some("14"))
        .unwrap();
    assert_eq!((lc.field.as_str(), lc.value_other.as_str()), ("rank", "1"));
    // The bundled dataset itself is untouched; each row kept or set beside a value has a source.
    assert!(base.own_rows.is_empty() && d.own_rows.len() == 4);
    assert!(d.sources.len() == base.sources.len() + 4);
}

#[test]
fn figures_that_agree_to_the_coarser_decimals_are_no_disagreement() {
    let value = dataset().value("par", 2024, "total", "14").unwrap();
    let mine = own_table(
        "m.csv",
        &format!("index,year,province,value\npar,2024,Sơn La,{:.4}\n", value),
    );
    let merged = merge(dataset(), &[mine]);
    assert_eq!((merged.agreeing, merged.disagreeing), (1, 0));
}

#[test]
fn declared_indices_become_indices_and_a_later_file_disagreeing_with_an_earlier_one_is_shown() {
    let first = own_table(
        "a.csv",
        "index,year,province,value,index_name_vi,index_name_en,scale_min,scale_max\nddci,2023,Sơn La,70,Chỉ số DDCI,DDCI,0,100\nddci,2023,Lai Châu,60,,,,\n",
    );
    let second = own_table(
        "b.csv",
        "index,year,province,value,index_name_vi,index_name_en,scale_min,scale_max\nddci,2023,Lai Châu,66,Chỉ số DDCI,DDCI,0,100\n",
    );
    let merged = merge(dataset(), &[first, second]);
    let d = &merged.dataset;
    d.check_references().unwrap();
    let meta = d.index("ddci").unwrap();
    assert_eq!(
        (
            meta.name_vi.as_str(),
            meta.name_en.as_str(),
            meta.publisher.as_str()
        ),
        ("Chỉ số DDCI", "DDCI", "a.csv")
    );
    assert_eq!(meta.year(2023).unwrap().components[0].name_en, "DDCI");
    assert_eq!(d.series("ddci", 2023, "total").unwrap().points.len(), 2);
    assert_eq!((merged.added, merged.disagreeing), (2, 1));
    let c = d.conflicts_about("ddci", 2023, "total").next().unwrap();
    assert_eq!(
        (c.value_kept.as_str(), c.value_other.as_str()),
        ("60", "66")
    );
    assert!(
        c.note
            .contains("the one shown is from your file a.csv (line 3)"),
        "{}",
        c.note
    );
}

#[test]
fn what_the_worker_sends_the_page_added_to_the_bundled_data_is_the_merge() {
    let first = own_table(
        "a.csv",
        concat!(
            "index,year,province,component,value,rank,index_name_vi,index_name_en,scale_min,scale_max\n",
            "par,2025,Lào Cai,total,88.1,3,,,,\n",  // a year not bundled (test data)
            "par,2024,Sơn La,total,91,12,,,,\n",    // disagrees (test data)
            "ddci,2023,Sơn La,total,70,,Chỉ số DDCI,DDCI,0,100\n", // an index of the user's own
        ),
    );
    let second = own_table(
        "b.csv",
        "index,year,province,value\npar,2025,Lào Cai,87\npar,2025,Sơn La,80\n",
    );
    let tables = [first, second];
    let merged = merge(dataset(), &tables).dataset;
    // The worker sends them as JSON written by serde; the page reads it with miniserde.
    let additions = Additions::between(dataset(), &merged);
    let json = serde_json::to_string(&additions).unwrap();
    let sent: Additions = miniserde::json::from_str(&json).unwrap();
    assert_eq!(sent, additions);
    assert_eq!(
        (sent.points.len(), sent.own_rows.len(), sent.conflicts.len()),
        (3, 5, 2)
    );
    assert_eq!(sent.onto(dataset()), merged);
    // Added to the first file alone (no part loaded yet), then again once a part is loaded.
    let text = std::fs::read_to_string("static/dataset.json").unwrap();
    let main = Dataset::from_json(&text).unwrap();
    let shown = sent.onto(&main);
    let lao_cai = shown.series("par", 2025, "total").unwrap().points[0].clone();
    assert_eq!(
        (lao_cai.province.as_str(), lao_cai.value),
        ("n15", Some(88.1))
    );
    assert_eq!(shown.own_row(lao_cai.source).map(|o| o.line), Some(2));
    assert_eq!(
        shown.index("ddci").unwrap().year(2023).unwrap().components[0].key,
        "total"
    );
    assert_eq!(
        shown.index("par").unwrap().year(2025),
        merged.index("par").unwrap().year(2025)
    );
    // The years of an index the tables add to keep where their components are until loaded.
    let par_2024 = |d: &Dataset| {
        d.index("par")
            .unwrap()
            .year(2024)
            .unwrap()
            .components_file
            .clone()
    };
    assert_eq!(
        par_2024(&shown).as_deref(),
        Some("static/components/par-2024.json")
    );
    assert_eq!(
        shown.part_to_load(shown.components_parts("par")),
        main.part_to_load(main.components_parts("par"))
    );
    let (part, file) = main.part_to_load(main.all_parts()).unwrap();
    let mut loaded = main.clone();
    loaded
        .add_part(&part, &std::fs::read_to_string(&file).unwrap())
        .unwrap();
    assert_eq!(sent.onto(&loaded).own_rows, merged.own_rows);
}

/// Test data: a handful of provinces, so that each case is cheap.
fn small_reference() -> Reference {
    static SMALL: OnceLock<Reference> = OnceLock::new();
    SMALL.get_or_init(make_small_reference).clone()
}

fn make_small_reference() -> Reference {
    let place = |id: &str,
                 vi: &str,
                 en: &str,
                 first: Option<u16>,
                 last: Option<u16>,
                 into: Option<&str>| Place {
        id: id.into(),
        name_vi: vi.into(),
        name_en: en.into(),
        first_year: first,
        last_year: last,
        merged_2025_into: into.map(str::to_string),
        members: Vec::new(),
    };
    Reference {
        indices: Vec::new(),
        places: vec![
            place("14", "Sơn La", "Son La", None, Some(2024), Some("n14")),
            place("15", "Yên Bái", "Yen Bai", None, Some(2024), Some("n15")),
            place("28", "Hà Tây", "Ha Tay", None, Some(2008), Some("n01")),
            place("n14", "Sơn La", "Son La", Some(2025), None, None),
            place("n15", "Lào Cai", "Lao Cai", Some(2025), None, None),
        ],
        scales: reference()
            .scales
            .into_iter()
            .filter(|s| s.component == "total")
            .collect(),
        components: Vec::new(),
    }
}

/// The bundled dataset with one series, so that a merge's copy is cheap.
fn small_dataset() -> &'static Dataset {
    static SMALL: OnceLock<Dataset> = OnceLock::new();
    SMALL.get_or_init(|| {
        let mut d = dataset().clone();
        d.series
            .retain(|s| s.index == "par" && s.year == 2024 && s.component == "total");
        d.conflicts.clear();
        for index in &mut d.indices {
            index.years.retain(|y| y.year >= 2023);
        }
        let used: Vec<u32> = d
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.source))
            .collect();
        d.sources.retain(|s| used.contains(&s.id));
        d
    })
}

proptest! {
    // 100,000 cases by default; PROPTEST_CASES=1000000 cargo test --release --test index_table runs a longer campaign.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000), ..ProptestConfig::default() })]

    #[test]
    fn no_index_table_makes_the_importer_or_the_merge_panic(tokens in prop::collection::vec(0usize..48, 0..40), header in 0usize..4) {
        const HEADERS: [&str; 4] = [
            "index,year,province,component,value,rank,source\n",
            "index\tyear\tprovince\tvalue\trank\tindex_name_vi\tscale_min\tscale_max\thigher_is_better\tunit\n",
            "index;year;province;value;rank\n",
            "[",
        ];
        const TOKENS: [&str; 48] = [
            ",", ",", ",", "\t", "\t", ";", "\n", "\r\n", "\r", "\"", "par", "papi", "pci", "sipas",
            "own", "PAR INDEX", "2005", "2024", "2025", "20x", "Sơn La", "TP.HCM", "Yên Bái", "Hà Tây",
            "Lao Kai", "total", "participation", "90", "90,5", "-1", "1e309", "0", "64", "34", "2.5",
            "true", "khong", "%", "{", "}", "[", "]", ":", "\"index\"", "\"value\"", "đ", " ", "x",
        ];
        let mut text = HEADERS[header].to_string();
        for t in &tokens {
            text.push_str(TOKENS[*t]);
        }
        if let Ok(result) = import("fuzz", text.as_bytes(), small_reference()) {
            if let Some(table) = result.index.filter(|t| !t.rows.is_empty()) {
                let merged = merge(small_dataset(), &[table]);
                prop_assert!(merged.dataset.check_references().is_ok());
            }
        }
    }
}

//! Downloadable tables (render::table_export): each view's table as a description, its CSV, and
//! its Excel workbook (render::xlsx) opened back: numbers stored as numbers with their decimals
//! as the number format, a bold header row, frozen panes, the sources sheet.

mod common;

use chiso::analysis::ranking::{rank, Query};
use chiso::i18n::Lang;
use chiso::render::export::{
    compare_export, rankings_export, rankings_rows, rankings_rows_2025, to_csv, trends_export,
};
use chiso::render::table_export::{Kind, TableBook, TableExport};
use chiso::render::xlsx::to_xlsx;
use std::io::Read;

/// The files of a workbook by name.
fn unzip(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().to_string(), text)
        })
        .collect()
}

#[test]
fn the_rankings_table_has_the_csv_rows_their_kinds_and_what_it_shows() {
    let d = common::bundled();
    let q = common::total_query("pci", 2023);
    let ranking = rank(&d, &q);
    let table = rankings_export(&d, Lang::Vi, &q, &ranking, false);
    // The CSV is the one written before the workbook existed.
    assert_eq!(
        table.csv(),
        to_csv(&rankings_rows(&d, Lang::Vi, &q, &ranking))
    );
    let kinds: Vec<Kind> = table.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds[..4],
        [Kind::Integer, Kind::Text, Kind::Text, Kind::Number]
    );
    // PCI is published with two decimals.
    assert_eq!(table.decimals(3), 2);
    assert!(table.title.starts_with("PCI 2023"));
    let labels: Vec<&str> = table.about.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels, ["Chỉ số", "Năm", "Thành phần", "Vùng"]);
    assert_eq!(table.about[1].value, "2023");
    // Every value's source is listed once, and each row names its own.
    assert!(!table.sources.is_empty());
    for row in &table.rows {
        if !row[3].is_empty() {
            assert!(table.sources.contains(&row[8]), "{row:?}");
        }
    }
    let searched = Query {
        search: "son la".into(),
        ..q
    };
    let table = rankings_export(&d, Lang::En, &searched, &rank(&d, &searched), false);
    assert_eq!(table.about.last().unwrap().value, "son la");
    assert_eq!(table.about[3].value, "All regions");
}

#[test]
fn under_the_borders_of_2025_the_table_is_grouped_and_says_so() {
    let d = common::bundled();
    let q = common::total_query("papi", 2023);
    let ranking = rank(&d, &q);
    let table = rankings_export(&d, Lang::En, &q, &ranking, true);
    assert_eq!(
        table.csv(),
        to_csv(&rankings_rows_2025(&d, Lang::En, &q, &ranking))
    );
    assert_eq!(table.columns[0].kind, Kind::Text);
    assert_eq!(table.columns[4].kind, Kind::Number);
    assert_eq!(table.columns.len(), 11);
    assert!(table.about.iter().any(|l| l.label == "Borders of 2025"));
}

#[test]
fn decimals_are_those_the_values_are_written_with_and_missing_stays_empty() {
    let table = TableExport::new(
        Lang::En,
        "TEST DATA".into(),
        vec![
            ("a".into(), Kind::Number),
            ("b".into(), Kind::Number),
            ("c".into(), Kind::Text),
        ],
        vec![
            vec!["1.5".into(), "".into(), "x".into()],
            vec!["2.125".into(), "7".into(), "1.23456".into()],
            vec!["".into(), "85 to under 90".into(), "".into()],
        ],
    );
    let decimals: Vec<u8> = (0..3).map(|i| table.decimals(i)).collect();
    // At most the two decimals chiso's tables show (the cell keeps 2.125).
    assert_eq!(decimals, [2, 0, 0]);
    assert_eq!(TableExport::from_json(&table.to_json()).unwrap(), table);
    assert!(TableExport::from_json("[1,2]").is_err());
}

#[test]
fn compare_and_trends_tables_give_each_rows_sources() {
    let d = common::bundled();
    let provinces = [
        ("14".to_string(), "Sơn La".to_string()),
        ("01".to_string(), "Hà Nội".to_string()),
    ];
    let year = d.index("papi").unwrap().year(2023).unwrap();
    let components: Vec<(String, String)> = year
        .components
        .iter()
        .map(|c| (c.key.clone(), c.name_vi.clone()))
        .collect();
    let values: Vec<Vec<Option<f64>>> = provinces
        .iter()
        .map(|(code, _)| {
            components
                .iter()
                .map(|(k, _)| d.value("papi", 2023, k, code))
                .collect()
        })
        .collect();
    let medians = vec![None; components.len()];
    let table = compare_export(
        &d,
        Lang::Vi,
        ("papi", 2023),
        &provinces,
        &components,
        &values,
        &medians,
    );
    assert_eq!(table.columns.len(), 5);
    assert_eq!(table.columns[1].name, "Sơn La");
    assert_eq!(table.columns[1].kind, Kind::Number);
    assert_eq!(table.rows.len(), components.len());
    let total = &table.rows[0];
    assert_eq!(total[1], values[0][0].unwrap().to_string());
    assert!(!total[4].is_empty() && table.sources.iter().any(|s| total[4].contains(s.as_str())));
    // No median given: the cell is empty, not 0.
    assert_eq!(total[3], "");

    let points: Vec<(u16, Option<f64>)> = d
        .index("pci")
        .unwrap()
        .years
        .iter()
        .map(|y| (y.year, d.value("pci", y.year, "total", "14")))
        .collect();
    let lines = vec![(
        "Sơn La".to_string(),
        chiso::analysis::trend::TrendLine {
            code: "14".into(),
            points: points.clone(),
        },
    )];
    let table = trends_export(&d, Lang::En, ("pci", "total"), false, &lines);
    assert_eq!(table.columns.len(), points.len() + 2);
    assert_eq!(table.columns[1].kind, Kind::Number);
    assert!(!table.rows[0].last().unwrap().is_empty());
    let ranks = trends_export(&d, Lang::En, ("pci", "total"), true, &lines);
    assert_eq!(ranks.columns[1].kind, Kind::Integer);
    assert!(ranks.about.iter().any(|l| l.value == "Rank"));
}

#[test]
fn the_workbook_stores_numbers_as_numbers_with_a_bold_frozen_header_and_a_sources_sheet() {
    let d = common::bundled();
    let q = common::total_query("pci", 2023);
    let table = rankings_export(&d, Lang::Vi, &q, &rank(&d, &q), false)
        .downloaded("2026-12-06", "https://example.org/?view=rankings");
    let files = unzip(&to_xlsx(&TableBook::of(table.clone())).unwrap());
    let workbook = &files["xl/workbook.xml"];
    assert!(workbook.contains("name=\"PCI 2023 – Chỉ số"), "{workbook}");
    assert!(workbook.contains("name=\"Nguồn\""));
    let sheet = &files["xl/worksheets/sheet1.xml"];
    assert!(
        sheet.contains(
            "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        ),
        "{sheet}"
    );
    assert!(sheet.contains("<col "), "column widths are set");
    // The value of the first row (column D) is a number, not a string.
    let first = &table.rows[0][3];
    let cell = sheet.split("<c r=\"D2\"").nth(1).unwrap();
    let cell = &cell[..cell.find("</c>").unwrap()];
    assert!(
        !cell.contains("t=\"s\"") && cell.contains(&format!("<v>{first}</v>")),
        "{cell}"
    );
    let styles = &files["xl/styles.xml"];
    assert!(styles.contains("formatCode=\"0.00\""), "{styles}");
    assert!(styles.contains("<b/>"));
    // The header's cells have the bold style (the only one with a font other than the default).
    let header = sheet.split("<c r=\"A1\"").nth(1).unwrap();
    assert!(header.starts_with(" s=\"1\""), "{header}");
    let sources = &files["xl/sharedStrings.xml"];
    for s in table
        .sources
        .iter()
        .chain(["2026-12-06".to_string(), "Ngày tải về".to_string()].iter())
    {
        assert!(sources.contains(&chiso::text::escape_xml(s)), "{s}");
    }
}

#[test]
fn a_title_excel_would_refuse_as_a_sheet_name_is_made_acceptable() {
    let table = TableExport::new(
        Lang::En,
        "TEST DATA: a/b [c] with a name longer than thirty-one characters".into(),
        vec![("a".into(), Kind::Integer)],
        vec![vec!["3".into()]],
    );
    let files = unzip(&to_xlsx(&TableBook::of(table.clone())).unwrap());
    assert!(
        files["xl/workbook.xml"].contains("name=\"TEST DATA  a b  c  with a name\""),
        "{}",
        files["xl/workbook.xml"]
    );
    assert!(files["xl/workbook.xml"].contains("name=\"Sources\""));
}

#[test]
fn a_profile_s_components_keep_the_table_s_order_values_and_sources() {
    use chiso::analysis::profile::breakdown;
    use chiso::render::export::profile_export;
    let d = common::bundled();
    let gaps = breakdown(&d, "pci", 2016, "14");
    let table = profile_export(&d, Lang::Vi, ("pci", 2016), ("14", "Sơn La"), &gaps);
    assert_eq!(table.rows.len(), gaps.len());
    assert_eq!(table.columns[1].name, "Sơn La");
    assert_eq!(table.columns.last().unwrap().kind, Kind::Text);
    for (row, g) in table.rows.iter().zip(&gaps) {
        assert_eq!(row[1], g.value.map(|v| v.to_string()).unwrap_or_default());
        assert!(row.last().unwrap().contains("PCI_2016"), "{row:?}");
    }
    assert_eq!(table.about[0].value, "Sơn La");
}

#[test]
fn a_unit_table_keeps_bands_as_their_limits_and_names_each_source() {
    use chiso::data::units::{UnitScore, UnitType};
    use chiso::render::export::units_export;
    let score = |unit: &str, value: Option<f64>, band: (Option<f64>, Option<f64>)| UnitScore {
        province: "TEST DATA".into(),
        year: 2021,
        unit_type: UnitType::Department,
        unit: unit.into(),
        metric: "par_index".into(),
        value,
        low: band.0,
        high: band.1,
        measure: None,
        note: None,
        note_vi: None,
        derived: false,
        source: "report-a".into(),
    };
    let (a, b) = (
        score("Sở A", Some(91.25), (None, None)),
        score("Sở B", None, (Some(85.0), Some(90.0))),
    );
    let rows = [(1, &a), (2, &b)];
    let table = units_export(
        Lang::En,
        ("TEST DATA", "Departments – PAR index 2021"),
        &rows,
        |s| format!("read {s}"),
    );
    assert_eq!(table.rows[0][..5], ["1", "Sở A", "91.25", "", ""]);
    assert_eq!(table.rows[1][2..5], ["", "85", "90"]);
    assert_eq!(table.sources, ["read report-a"]);
    assert_eq!(table.decimals(2), 2);
}

#[test]
fn the_user_s_rows_as_merged_name_their_file_and_line() {
    use chiso::data::user_files::import::import;
    use chiso::data::user_files::index_table::Reference;
    use chiso::data::user_files::merge::merge;
    use chiso::render::export::own_rows_export;
    let d = common::bundled();
    let text = "index,year,province,value,index_name_vi,index_name_en,scale_min,scale_max\nddci,2023,Sơn La,70.5,Chỉ số DDCI,DDCI,0,100\n";
    let table = import("TEST DATA ddci.csv", text.as_bytes(), Reference::of(&d))
        .unwrap()
        .index
        .unwrap();
    let merged = merge(&d, &[table]).dataset;
    let table = own_rows_export(&merged, Lang::En);
    assert_eq!(table.rows.len(), 1);
    let row = &table.rows[0];
    assert_eq!(
        row[1..],
        [
            "2023",
            row[2].as_str(),
            "Son La",
            "70.5",
            "",
            "TEST DATA ddci.csv",
            "2",
            row[8].as_str()
        ]
    );
    assert_eq!(table.decimals(4), 1);
    assert!(
        own_rows_export(&d, Lang::En).rows.is_empty(),
        "the bundled data alone has none"
    );
}

#[test]
fn the_json_sent_to_the_worker_reads_back_the_same_whatever_the_text() {
    let tricky = "TEST DATA \"quoted\", back\\slash, line\nbreak\r, tab\t, \u{1} Sơn La 🌏";
    let mut table = TableExport::new(
        Lang::Vi,
        tricky.into(),
        vec![(tricky.into(), Kind::Text), ("n".into(), Kind::Integer)],
        vec![
            vec![tricky.into(), "3".into()],
            vec![String::new(), String::new()],
        ],
    )
    .shows(chiso::i18n::Text::Search, tricky);
    table.cite(tricky);
    table.cite("https://example.org/a | b");
    assert_eq!(TableExport::from_json(&table.to_json()).unwrap(), table);
    let empty = TableExport::new(Lang::En, String::new(), Vec::new(), Vec::new());
    assert_eq!(TableExport::from_json(&empty.to_json()).unwrap(), empty);
}

#[test]
fn a_book_of_tables_reads_back_and_gives_a_sheet_to_each_under_its_own_name() {
    let table = |title: &str| {
        TableExport::new(
            Lang::En,
            title.into(),
            vec![("a".into(), Kind::Number)],
            vec![vec!["1.5".into()]],
        )
    };
    let long = "TEST DATA a title of more than thirty-one characters";
    let mut cover = TableExport::new(Lang::En, "TEST DATA book".into(), Vec::new(), Vec::new())
        .shows(chiso::i18n::Text::Year, "2022")
        .downloaded("2026-12-07", "https://example.org/?view=brief");
    cover.cite("TEST DATA source");
    let book = TableBook::new(cover, vec![table(long), table(long), table("Sources")]);
    assert_eq!(TableBook::from_json(&book.to_json()).unwrap(), book);
    // A single table's JSON is a book of that table.
    let one = table("one");
    assert_eq!(
        TableBook::from_json(&one.to_json()).unwrap(),
        TableBook::of(one)
    );
    let files = unzip(&to_xlsx(&book).unwrap());
    let workbook = &files["xl/workbook.xml"];
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "TEST DATA a title of more than",
            "TEST DATA a title of more t (2)",
            "Sources (2)",
            "Sources"
        ]
    );
    for sheet in 1..=3 {
        let xml = &files[&format!("xl/worksheets/sheet{sheet}.xml")];
        assert!(xml.contains("<v>1.5</v>") && xml.contains("state=\"frozen\""));
    }
    let about = &files["xl/sharedStrings.xml"];
    for text in ["TEST DATA book", "2022", "2026-12-07", "TEST DATA source"] {
        assert!(about.contains(text), "{text}");
    }
}

#[test]
fn the_brief_s_tables_are_a_book_of_figures_with_their_sources() {
    use chiso::render::brief::doc::document;
    use chiso::render::brief::workbook::tables_book;
    let d = common::bundled();
    let doc = document(&d, Lang::Vi, "14", 2022, "2026-12-07", &[]);
    let book = tables_book(&doc, Lang::Vi, ("2026-12-07", "https://example.org/"));
    let tables: usize = doc.sections.iter().map(|s| s.tables.len()).sum();
    assert_eq!(book.tables.len(), tables);
    assert_eq!(book.title, doc.title);
    assert!(book
        .about
        .iter()
        .any(|l| l.label == "Tỉnh, thành phố" && l.value == "Sơn La"));
    assert!(book
        .about
        .iter()
        .any(|l| l.label == "Năm" && l.value == "2022"));
    // PAR INDEX over the years: figures as numbers (exact, dot decimals), each row's sources.
    let par = book
        .tables
        .iter()
        .find(|t| t.title.starts_with("PAR INDEX ") && t.title.ends_with("Qua các năm"))
        .unwrap();
    let names: Vec<&str> = par.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Năm", "Sơn La", "Bình quân cả nước", "Nguồn"]);
    let kinds: Vec<Kind> = par.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [Kind::Number, Kind::Number, Kind::Number, Kind::Text]
    );
    let last = par.rows.last().unwrap();
    assert_eq!(last[..3], ["2022", "86.78", "84.79"]);
    assert!(!last[3].is_empty(), "{last:?}");
    assert_eq!(par.decimals(1), 2);
    // The standing: an official rank is its figure, the text with its count beside it.
    let standing = &book.tables[0];
    let rank = standing
        .columns
        .iter()
        .position(|c| c.name == "Xếp hạng chính thức")
        .unwrap();
    assert_eq!(
        standing.columns[rank + 1].name,
        "Xếp hạng chính thức (như trong báo cáo)"
    );
    let official = standing
        .rows
        .iter()
        .find(|r| r[rank].parse::<u32>().is_ok())
        .unwrap();
    assert!(
        official[rank + 1].starts_with(&format!("{}/", official[rank])),
        "{official:?}"
    );
    assert!(!official.last().unwrap().is_empty(), "the row's sources");
    // A position reckoned by chiso stays text, said so (PAPI 2022 published no ranks).
    let papi = standing.rows.iter().find(|r| r[0] == "PAPI").unwrap();
    assert!(papi[rank].ends_with("(tính toán)"), "{papi:?}");
    assert_eq!(papi[rank + 1], "");
    // Every value's source and the brief's own are listed once.
    for t in &book.tables {
        if t.columns.last().unwrap().name == "Nguồn" {
            for r in &t.rows {
                for s in r.last().unwrap().split("; ").filter(|s| !s.is_empty()) {
                    assert!(book.sources.iter().any(|x| x == s), "{s}");
                }
            }
        }
    }
    assert!(doc.notes.iter().all(|n| book.sources.contains(n)));
    // A figure the brief marks missing ("–") is an empty cell.
    assert!(book
        .tables
        .iter()
        .all(|t| t.rows.iter().flatten().all(|c| c != "–")));
    // The workbook: a sheet per table, then the sources.
    let files = unzip(&to_xlsx(&book).unwrap());
    assert_eq!(
        files["xl/workbook.xml"].matches("<sheet ").count(),
        tables + 1
    );
}

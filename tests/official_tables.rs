//! Official tables as users hold them: numbers as Vietnamese files write them, the table finder
//! on publishers' layouts (title block, two-row merged header, units row, STT, summary rows,
//! footnotes, blank columns), the columns' guesses, a mapping applied, workbooks read, and no
//! panic on any sheet. Figures in the layouts below and in tests/fixtures/ are TEST DATA
//! (tests/e2e/fixtures/official_tables.py writes those files).
use chiso::data::model::Dataset;
use chiso::data::user_files::column_mapping::{
    self, guess, guess_index, guess_year, Mapping, Role,
};
use chiso::data::user_files::grid::{Cell, Grid, Merge};
use chiso::data::user_files::import::{RowProblem, Separator};
use chiso::data::user_files::index_table::{Problem, Reference};
use chiso::data::user_files::mapping_step::Choice;
use chiso::data::user_files::numbers::{detect, read, Decimal, Reading};
use chiso::data::user_files::spelling::{Place, Resolver};
use chiso::data::user_files::table_finder::{find, Aside, Table};
use chiso::data::user_files::workbook::{self, WorkbookError};
use proptest::prelude::*;
use std::sync::OnceLock;

mod common;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(common::bundled)
}

fn reference() -> Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| Reference::of(dataset())).clone()
}

fn resolver() -> &'static Resolver {
    static RESOLVER: OnceLock<Resolver> = OnceLock::new();
    RESOLVER.get_or_init(|| Resolver::new(reference().places))
}

fn table_of(grid: &Grid) -> Table {
    find(grid, &|t| resolver().knows(t)).expect("a table")
}

fn grid(text: &str) -> Grid {
    Grid::of_text(text).0
}

/// The roles guessed for a CSV's columns (`texts`: the title, sheet and file names), as keys.
fn guessed_roles(text: &str, texts: &[&str]) -> Vec<String> {
    let g = grid(text);
    let t = table_of(&g);
    let m = guess(&g, &t, texts, &reference(), Decimal::Point);
    m.roles.iter().map(Role::key).collect()
}

const PROVINCES_34: [&str; 34] = [
    "Hà Nội",
    "Cao Bằng",
    "Tuyên Quang",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Lào Cai",
    "Thái Nguyên",
    "Lạng Sơn",
    "Quảng Ninh",
    "Bắc Ninh",
    "Phú Thọ",
    "Hải Phòng",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Huế",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Đắk Lắk",
    "Lâm Đồng",
    "Đồng Nai",
    "TP. Hồ Chí Minh",
    "Tây Ninh",
    "Đồng Tháp",
    "Vĩnh Long",
    "An Giang",
    "Cần Thơ",
    "Cà Mau",
];

// ---- numbers ----

#[test]
fn numbers_as_vietnamese_files_write_them() {
    let n = |t: &str, d| match read(t, d) {
        Reading::Number(v) => Some(v),
        _ => None,
    };
    assert_eq!(n("9,31", Decimal::Comma), Some(9.31));
    assert_eq!(n("1.234,5", Decimal::Comma), Some(1234.5));
    assert_eq!(n("92,77%", Decimal::Comma), Some(92.77));
    assert_eq!(n(" 1 234,5 ", Decimal::Comma), Some(1234.5));
    assert_eq!(n("-3,5", Decimal::Comma), Some(-3.5));
    assert_eq!(n("9.31", Decimal::Point), Some(9.31));
    assert_eq!(n("1,234.5", Decimal::Point), Some(1234.5));
    assert_eq!(n("92.77 %", Decimal::Point), Some(92.77));
    assert_eq!(n("12", Decimal::Comma), Some(12.0));
    // A dot that does not group by three is not a number in a comma file, and the other way.
    assert_eq!(read("9.31", Decimal::Comma), Reading::NotANumber);
    assert_eq!(read("9,31", Decimal::Point), Reading::NotANumber);
    for text in ["abc", "1,2,3", ",", "1.2.3,4,5", "%", "--5"] {
        assert_eq!(read(text, Decimal::Comma), Reading::NotANumber, "{text}");
    }
}

#[test]
fn missing_marks_are_never_zero() {
    for text in ["", " ", "-", "—", "–", "x", "X", "…"] {
        assert_eq!(read(text, Decimal::Comma), Reading::Missing, "{text:?}");
        assert_eq!(read(text, Decimal::Point), Reading::Missing, "{text:?}");
    }
}

#[test]
fn the_decimal_mark_is_found_in_the_cells() {
    assert_eq!(
        detect(["9,31", "10", "8,5"], Decimal::Point),
        Decimal::Comma
    );
    assert_eq!(detect(["9.31", "1,234.5"], Decimal::Comma), Decimal::Point);
    assert_eq!(detect(["1.234,5"], Decimal::Point), Decimal::Comma);
    // Cells that do not tell: the file's own usage decides.
    assert_eq!(
        detect(["1.234", "12", "Sơn La"], Decimal::Comma),
        Decimal::Comma
    );
    assert_eq!(detect(["1.234", "12"], Decimal::Point), Decimal::Point);
}

// ---- the finder ----

/// A 2025 annex as CSV, TEST DATA: title block, two-row header whose merges a CSV lost, units
/// row, STT, a summary row, footnotes, a blank column between the province and the figures.
fn annex_csv() -> String {
    let mut text = String::from(
        "TEST DATA — PHỤ LỤC I,,,,,\n\
         \"KẾT QUẢ CHỈ SỐ PAPI NĂM 2025\",,,,,\n\
         ,,,,,\n\
         STT,\"Tỉnh, thành phố\",,Công khai minh bạch,Tổng hợp,\n\
         ,,,Điểm,Điểm,Xếp hạng\n\
         ,,,Tối đa 10,Tối đa 80,\n",
    );
    for (i, p) in PROVINCES_34.iter().enumerate() {
        text.push_str(&format!(
            "{},{p},,\"{},{}\",\"{},5\",{}\n",
            i + 1,
            5 + i % 5,
            i % 10,
            40 + i,
            i + 1
        ));
    }
    text.push_str(",Bình quân chung,,\"6,5\",\"56,5\",\n,,,,,\nGhi chú: TEST DATA.,,,,,\nNguồn: thử nghiệm,,,,,\n");
    text
}

#[test]
fn title_block_two_row_header_units_summary_and_footnotes() {
    let g = grid(&annex_csv());
    let t = table_of(&g);
    assert_eq!(t.header_lines, vec![4, 5]);
    assert_eq!(t.units_line, Some(6));
    assert_eq!(t.title.len(), 2);
    assert!(t.title[1].contains("NĂM 2025"));
    let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
    // The blank column C is left out; the upper row's group spreads over "Xếp hạng".
    assert_eq!(
        headers,
        vec![
            "STT",
            "Tỉnh, thành phố",
            "Công khai minh bạch – Điểm",
            "Tổng hợp – Điểm",
            "Tổng hợp – Xếp hạng"
        ]
    );
    assert_eq!(t.columns[2].unit.as_deref(), Some("Tối đa 10"));
    assert_eq!(t.body.len(), 34);
    assert_eq!(t.body[0], 6, "the first province is on line 7");
    let aside: Vec<(u64, Aside)> = t.set_aside.iter().map(|s| (s.line, s.why)).collect();
    assert_eq!(
        aside,
        vec![
            (41, Aside::Summary),
            (43, Aside::Footnote),
            (44, Aside::Footnote)
        ]
    );
}

#[test]
fn merged_cells_of_a_workbook_read_as_one_header() {
    let text = |s: &str| Cell::Text(s.into());
    let mut rows = vec![
        vec![text("TEST DATA KẾT QUẢ PAR INDEX 2025")],
        vec![
            text("STT"),
            text("Tỉnh"),
            text("Cải cách thể chế"),
            Cell::Empty,
        ],
        vec![Cell::Empty, Cell::Empty, text("Điểm"), text("Xếp hạng")],
    ];
    for (i, p) in PROVINCES_34.iter().take(5).enumerate() {
        rows.push(vec![
            Cell::Number(i as f64 + 1.0),
            text(p),
            Cell::Number(8.5),
            Cell::Number(i as f64 + 1.0),
        ]);
    }
    let g = Grid {
        rows,
        merges: vec![
            // The title across, STT and the province down two rows, the component across two.
            Merge {
                top: 0,
                left: 0,
                bottom: 0,
                right: 3,
            },
            Merge {
                top: 1,
                left: 0,
                bottom: 2,
                right: 0,
            },
            Merge {
                top: 1,
                left: 1,
                bottom: 2,
                right: 1,
            },
            Merge {
                top: 1,
                left: 2,
                bottom: 1,
                right: 3,
            },
        ],
    };
    let t = table_of(&g);
    assert_eq!(t.header_lines, vec![2, 3]);
    let headers: Vec<&str> = t.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        vec![
            "STT",
            "Tỉnh",
            "Cải cách thể chế – Điểm",
            "Cải cách thể chế – Xếp hạng"
        ]
    );
    assert_eq!(t.title, vec!["TEST DATA KẾT QUẢ PAR INDEX 2025"]);
}

#[test]
fn one_header_row_a_summary_first_and_semicolons() {
    let mut text = String::from("Tỉnh;Điểm PCI;Xếp hạng\nToàn quốc;65,2;\n");
    for (i, p) in ["Hà Nội", "Sơn La", "Lào Cai", "Bắc Ninh"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!("{p};6{i},5;{}\n", i + 1));
    }
    let (g, separator) = Grid::of_text(&text);
    assert_eq!(separator, Separator::Semicolon);
    let t = table_of(&g);
    assert_eq!(t.header_lines, vec![1]);
    assert_eq!(t.body.len(), 4);
    assert_eq!(t.set_aside[0].line, 2);
    assert_eq!(t.set_aside[0].why, Aside::Summary);
}

#[test]
fn a_table_without_header_and_a_misspelt_province_kept_for_its_message() {
    let text = "Hà Nội,70,1\nSơn La,60,2\nLao Cay,50,3\nĐiện Biên,40,4\nTỉnh Sơn Laa,30,5\n";
    let t = table_of(&grid(text));
    assert!(t.header_lines.is_empty());
    // "Lao Cay" between two provinces and "Tỉnh Sơn Laa" below them hold figures: read, so that
    // the checks name the closest province.
    assert_eq!(t.body.len(), 5);
    assert!(t.columns.iter().all(|c| c.header.is_empty()));
}

#[test]
fn a_region_heading_inside_the_table_is_set_aside() {
    let text = "Tỉnh,Điểm\nĐồng bằng sông Hồng,\nHà Nội,70\nHải Phòng,60\nTrung du và miền núi phía Bắc,\nSơn La,50\nLào Cai,40\n";
    let t = table_of(&grid(text));
    assert_eq!(t.body.len(), 4);
    let aside: Vec<(u64, Aside)> = t.set_aside.iter().map(|s| (s.line, s.why)).collect();
    assert_eq!(aside, vec![(2, Aside::NoFigures), (5, Aside::NoFigures)]);
    assert_eq!(t.header_lines, vec![1]);
}

#[test]
fn no_table_says_the_rows_most_like_a_header() {
    let text = "Báo cáo,,\nMục,Nội dung,Ghi chú\n1,abc,\n2,def,\n";
    let not_found = find(&grid(text), &|t| resolver().knows(t)).unwrap_err();
    let lines: Vec<u64> = not_found
        .likeliest_headers
        .iter()
        .map(|(l, _)| *l)
        .collect();
    assert_eq!(lines, vec![1, 2, 3]);
    assert!(not_found
        .likeliest_headers
        .iter()
        .any(|(line, text)| *line == 2 && text == "Mục | Nội dung | Ghi chú"));
}

// ---- guesses ----

#[test]
fn index_and_year_from_titles_sheets_and_file_names() {
    assert_eq!(
        guess_index(&["KẾT QUẢ CHỈ SỐ CCHC NĂM 2025"]).as_deref(),
        Some("par")
    );
    assert_eq!(guess_index(&["", "PAPI 2024"]).as_deref(), Some("papi"));
    assert_eq!(guess_index(&["PCI_2023.xlsx"]).as_deref(), Some("pci"));
    assert_eq!(
        guess_index(&["Chỉ số hài lòng của người dân"]).as_deref(),
        Some("sipas")
    );
    assert_eq!(guess_index(&["Bảng 1"]), None);
    assert_eq!(
        guess_year(&["Quyết định 123/QĐ-BNV ngày 12/3/2026 … NĂM 2025"]),
        Some(2025)
    );
    assert_eq!(guess_year(&["PAPI 2024"]), Some(2024));
    assert_eq!(guess_year(&["Sheet1", "PCI_2023.xlsx"]), Some(2023));
    assert_eq!(guess_year(&["Bảng 1"]), None);
}

#[test]
fn the_annex_columns_are_guessed_from_headers() {
    let g = grid(&annex_csv());
    let t = table_of(&g);
    let texts: Vec<&str> = t.title.iter().map(String::as_str).collect();
    let m = guess(&g, &t, &texts, &reference(), Decimal::Point);
    assert_eq!(m.index.as_deref(), Some("papi"));
    assert_eq!(m.year, Some(2025));
    assert_eq!(m.decimal, Decimal::Comma);
    assert_eq!(
        m.roles,
        vec![
            Role::Ignored,
            Role::Province,
            Role::Value("transparency".into()),
            Role::Value("total".into()),
            Role::Rank("total".into()),
        ]
    );
    assert!(m.lacks().is_empty());
    assert_eq!(
        column_mapping::shape(&t),
        "stt|tinh thanh pho|cong khai minh bach diem|tong hop diem|tong hop xep hang"
    );
}

#[test]
fn papi_d1_to_d8_english_and_undiacritised_headers_and_ranks_by_content() {
    let text = "Province,Year,D1,D2,D3,D4,D5,D6,D7,D8,Total,\nHa Noi,2024,5,5,5,5,5,5,5,5,40,2\nSon La,2024,5,5,5,5,5,5,5,5,41,1\nLao Cai,2024,5,5,5,5,5,5,5,5,39,3\n";
    let keys = guessed_roles(text, &["papi_wide.csv"]);
    assert_eq!(
        keys,
        [
            "province",
            "year",
            "value:participation",
            "value:transparency",
            "value:vertical_accountability",
            "value:control_of_corruption",
            "value:administrative_procedures",
            "value:public_service_delivery",
            "value:environmental_governance",
            "value:e_governance",
            "value:total",
            "rank:total",
        ]
    );
    let names = "Tinh,Kiem soat tham nhung,Quan tri dien tu,Control of corruption\nSon La,5,6,7\nLao Cai,5,6,7\n";
    let keys = guessed_roles(names, &["PAPI 2024"]);
    // The second column named as the first is left for the user to say.
    assert_eq!(
        keys,
        [
            "province",
            "value:control_of_corruption",
            "value:e_governance",
            "ignored"
        ]
    );
}

#[test]
fn roles_keep_their_keys() {
    for role in [
        Role::Ignored,
        Role::Province,
        Role::Year,
        Role::Source,
        Role::Value("total".into()),
        Role::Rank("d.x".into()),
    ] {
        assert_eq!(Role::from_key(&role.key()), Some(role));
    }
    assert_eq!(Role::from_key("value:"), None);
    assert_eq!(Role::from_key("nonsense"), None);
}

// ---- a mapping applied ----

#[test]
fn the_annex_applied_gives_rows_with_their_lines() {
    let g = grid(&annex_csv());
    let t = table_of(&g);
    let texts: Vec<&str> = t.title.iter().map(String::as_str).collect();
    let m = guess(&g, &t, &texts, &reference(), Decimal::Point);
    let applied = column_mapping::apply("annex.csv", &g, &t, &m, reference(), None);
    assert!(applied.errors.is_empty(), "{:?}", applied.errors);
    assert_eq!(applied.table.rows.len(), 68);
    let first = &applied.table.rows[0];
    assert_eq!(
        (first.index.as_str(), first.year, first.province.as_str()),
        ("papi", 2025, "n01")
    );
    assert_eq!(
        (first.component.as_str(), first.value, first.line),
        ("transparency", Some(5.0), 7)
    );
    let total = applied
        .table
        .rows
        .iter()
        .find(|r| r.component == "total" && r.line == 8)
        .unwrap();
    assert_eq!((total.value, total.rank), (Some(41.5), Some(2)));
}

#[test]
fn missing_marks_give_no_row_and_bad_cells_their_line() {
    let text = "Tỉnh,Điểm,Xếp hạng\nHà Nội,-,\nSơn La,abc,2\nLào Cai,\"70,5\",1\nĐiện Biên,x,\n";
    let g = grid(text);
    let t = table_of(&g);
    let m = Mapping {
        index: Some("papi".into()),
        year: Some(2025),
        decimal: Decimal::Comma,
        roles: vec![
            Role::Province,
            Role::Value("total".into()),
            Role::Rank("total".into()),
        ],
    };
    let applied = column_mapping::apply("f.csv", &g, &t, &m, reference(), None);
    assert_eq!(applied.missing, 2);
    assert_eq!(applied.table.rows.len(), 1);
    assert_eq!(applied.table.rows[0].value, Some(70.5));
    assert_eq!(applied.errors.len(), 1);
    assert_eq!(applied.errors[0].line, 3);
    assert!(matches!(
        &applied.errors[0].problem,
        RowProblem::Index(Problem::CellNotANumber { column, text }) if column == "Điểm" && text == "abc"
    ));
}

#[test]
fn a_mapping_says_what_it_lacks() {
    let m = Mapping {
        index: None,
        year: None,
        decimal: Decimal::Point,
        roles: vec![Role::Ignored],
    };
    use column_mapping::Lack;
    assert_eq!(
        m.lacks(),
        vec![Lack::Index, Lack::Year, Lack::Province, Lack::Figures]
    );
}

// ---- workbooks (TEST DATA written by tests/e2e/fixtures/official_tables.py) ----

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn check_annex_workbook(name: &str) {
    let bytes = fixture(name);
    assert!(workbook::is_workbook(&bytes));
    let sheets = workbook::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    assert_eq!(sheets[0].name, "PL1 - PAPI 2025", "{name}");
    let g = &sheets[0].grid;
    let t = table_of(g);
    assert_eq!(t.body.len(), 34, "{name}");
    let texts: Vec<&str> = t
        .title
        .iter()
        .map(String::as_str)
        .chain([sheets[0].name.as_str(), name])
        .collect();
    let m = guess(g, &t, &texts, &reference(), Decimal::Point);
    assert_eq!(
        (m.index.as_deref(), m.year),
        (Some("papi"), Some(2025)),
        "{name}"
    );
    assert!(m.lacks().is_empty(), "{name}: {:?}", m.roles);
    let applied = column_mapping::apply(name, g, &t, &m, reference(), None);
    assert!(applied.errors.is_empty(), "{name}: {:?}", applied.errors);
    // 8 dimensions and the total (with its rank) for each of the 34.
    assert_eq!(applied.table.rows.len(), 34 * 9, "{name}: {:?}", m.roles);
    assert_eq!(
        applied
            .table
            .rows
            .iter()
            .filter(|r| r.rank.is_some())
            .count(),
        34,
        "{name}"
    );
    assert_eq!(applied.table.rows[0].line, 7, "{name}");
    assert!(
        t.set_aside.iter().any(|s| s.why == Aside::Summary),
        "{name}"
    );
}

#[test]
fn the_annex_as_xlsx_xls_and_ods() {
    for name in [
        "TEST DATA PAPI 2025 annex.xlsx",
        "TEST DATA PAPI 2025 annex.xls",
        "TEST DATA PAPI 2025 annex.ods",
    ] {
        check_annex_workbook(name);
    }
}

#[test]
fn the_annex_as_csv_with_comma_decimals_and_the_wide_papi_table() {
    let text = String::from_utf8(fixture("TEST DATA PAPI 2025 annex.csv")).unwrap();
    let g = grid(text.trim_start_matches('\u{FEFF}'));
    let t = table_of(&g);
    let texts: Vec<&str> = t.title.iter().map(String::as_str).collect();
    let m = guess(&g, &t, &texts, &reference(), Decimal::Point);
    assert_eq!(m.decimal, Decimal::Comma);
    let applied = column_mapping::apply("annex.csv", &g, &t, &m, reference(), None);
    assert!(applied.errors.is_empty(), "{:?}", applied.errors);
    assert_eq!(applied.table.rows.len(), 34 * 9);

    let text = String::from_utf8(fixture("TEST DATA PAPI 2024 wide.csv")).unwrap();
    let g = grid(&text);
    let t = table_of(&g);
    assert_eq!(t.body.len(), 63);
    let m = guess(
        &g,
        &t,
        &["TEST DATA PAPI 2024 wide.csv"],
        &reference(),
        Decimal::Point,
    );
    assert!(m.lacks().is_empty());
    let applied = column_mapping::apply("wide.csv", &g, &t, &m, reference(), None);
    assert!(applied.errors.is_empty(), "{:?}", applied.errors);
    assert_eq!(applied.missing, 1, "the dash is missing, not zero");
    assert_eq!(applied.table.rows.len(), 63 * 9 - 1);
}

#[test]
fn corrupt_empty_and_password_workbooks_say_so() {
    assert!(matches!(
        workbook::read(&fixture("TEST DATA corrupt.xlsx")),
        Err(WorkbookError::Corrupt(_))
    ));
    // A compound file holding an encrypted package, as Excel saves a workbook with a password.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend(vec![0u8; 512]);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(workbook::read(&encrypted), Err(WorkbookError::Password));
    let message = WorkbookError::Password.message(chiso::i18n::Lang::Vi);
    assert!(message.contains("mật khẩu"));
}

// ---- no panic ----

fn small_reference() -> Reference {
    let place = |id: &str, vi: &str, first: Option<u16>, last: Option<u16>| Place {
        id: id.into(),
        name_vi: vi.into(),
        name_en: vi.into(),
        first_year: first,
        last_year: last,
        merged_2025_into: None,
        members: Vec::new(),
    };
    let full = reference();
    Reference {
        indices: Vec::new(),
        places: vec![
            place("14", "Sơn La", None, Some(2024)),
            place("n14", "Sơn La", Some(2025), None),
            place("01", "Hà Nội", None, Some(2024)),
        ],
        scales: full
            .scales
            .into_iter()
            .filter(|s| s.index == "papi")
            .collect(),
        components: full
            .components
            .into_iter()
            .filter(|c| c.index == "papi")
            .collect(),
    }
}

fn arb_cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        any::<f64>().prop_map(Cell::Number),
        prop::sample::select(vec![
            "Sơn La",
            "Hà Nội",
            "Tỉnh",
            "STT",
            "Xếp hạng",
            "Điểm",
            "Tối đa 10",
            "Bình quân",
            "Cả nước",
            "D1",
            "D9",
            "Sở Nội vụ",
            "Xã A",
            "I",
            "9,31",
            "1.234,5",
            "-",
            "x",
            "92,77%",
            "2025",
            "PAPI 2024",
            "Tổng hợp",
            "(1)",
            "",
        ])
        .prop_map(|s| Cell::Text(s.to_string())),
        "[ -~ạđĐ,.%]{0,6}".prop_map(Cell::Text),
    ]
}

fn arb_grid() -> impl Strategy<Value = Grid> {
    (
        prop::collection::vec(prop::collection::vec(arb_cell(), 0..6), 0..10),
        prop::collection::vec((0usize..10, 0usize..6, 0usize..3, 0usize..3), 0..3),
    )
        .prop_map(|(rows, merges)| Grid {
            rows,
            merges: merges
                .into_iter()
                .map(|(top, left, h, w)| Merge {
                    top,
                    left,
                    bottom: top + h,
                    right: left + w,
                })
                .collect(),
        })
}

proptest! {
    // 100,000 cases by default (PROPTEST_CASES sets another number).
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000), ..ProptestConfig::default() })]

    #[test]
    fn no_sheet_makes_the_finder_or_the_mapping_panic(g in arb_grid(), decimal in prop::bool::ANY, year in prop::option::of(1990u16..2030)) {
        static SMALL: OnceLock<(Reference, Resolver)> = OnceLock::new();
        let (reference, resolver) = SMALL.get_or_init(|| {
            let r = small_reference();
            let resolver = Resolver::new(r.places.clone());
            (r, resolver)
        });
        if let Ok(t) = find(&g, &|s| resolver.knows(s)) {
            let decimal = if decimal { Decimal::Comma } else { Decimal::Point };
            let mut m = guess(&g, &t, &["PAPI"], reference, decimal);
            m.year = m.year.or(year);
            let _ = column_mapping::shape(&t);
            let applied = column_mapping::apply("f", &g, &t, &m, reference.clone(), Some(5));
            prop_assert!(applied.table.rows.iter().all(|r| r.value.is_none_or(f64::is_finite)));
        }
        if let Ok(t) = chiso::data::user_files::unit_mapping::find_units(&g) {
            let m = chiso::data::user_files::unit_mapping::guess_units(&g, &t, &["Sơn La 2025"], &reference.places, Decimal::Comma);
            let _ = chiso::data::user_files::unit_mapping::apply_units("f", &g, &t, &m, None);
        }
    }

    #[test]
    fn no_text_makes_the_grid_or_the_number_reader_panic(text in "[\",;\t\r\n a-z0-9.%-]{0,80}") {
        let _ = Grid::of_text(&text);
        let _ = read(&text, Decimal::Comma);
        let _ = detect([text.as_str()], Decimal::Point);
    }

    #[test]
    fn no_bytes_make_the_workbook_reader_panic(body in prop::collection::vec(any::<u8>(), 0..300), kind in 0u8..3) {
        let mut bytes = match kind {
            0 => b"PK\x03\x04".to_vec(),
            1 => vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => Vec::new(),
        };
        bytes.extend(body);
        let _ = workbook::read(&bytes);
    }
}

// ---- the mapping step ----

#[test]
fn the_step_proposes_the_likeliest_sheet_and_confirms_the_whole_annex() {
    use chiso::data::user_files::mapping_step::{confirm, propose, PREVIEW_ROWS};
    let name = "TEST DATA PAPI 2025 annex.xlsx";
    let bytes = fixture(name);
    let p = propose(name, &bytes, &reference(), None, None).unwrap();
    assert_eq!(p.sheets.len(), 2);
    assert_eq!(
        (p.sheet, p.sheets[0].name.as_str(), p.sheets[0].columns),
        (0, "PL1 - PAPI 2025", 12)
    );
    assert_eq!(
        (p.index.as_deref(), p.year, p.rows),
        (Some("papi"), Some(2025), 34)
    );
    assert_eq!(p.header_lines, vec![4, 5]);
    assert_eq!(p.columns[0].letter, "A");
    assert_eq!(
        p.columns[2].header,
        "Nội dung 1 – Tham gia của người dân ở cấp cơ sở"
    );
    assert_eq!(p.columns[2].unit.as_deref(), Some("Tối đa 10"));
    assert_eq!(p.preview.len(), PREVIEW_ROWS);
    assert!(p.preview.iter().all(|r| r.problem.is_none()));
    assert!(p
        .set_aside
        .iter()
        .any(|a| a.text.contains("Bình quân chung")));
    // Choosing the sheet of notes says what it found.
    let refused = propose(name, &bytes, &reference(), Some(1), None).unwrap_err();
    assert!(refused.en.contains("Ghi chú (1×1)"), "{}", refused.en);
    let choice = p.choice();
    let (import, shape) = confirm(name, &bytes, &reference(), &choice).unwrap();
    assert_eq!(shape, p.shape);
    assert!(import.errors.is_empty());
    assert_eq!(import.index.unwrap().rows.len(), 34 * 9);
    // The same shape next year: the remembered choice is proposed again, with the file's year.
    let csv = fixture("TEST DATA PAPI 2025 annex.csv");
    let again = propose("PAPI 2026.csv", &csv, &reference(), None, Some(&choice)).unwrap();
    assert_eq!(again.shape, p.shape);
    assert_eq!(again.year, Some(2025), "the title's year");
    let roles: Vec<&str> = again.columns.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(
        roles,
        choice.roles.iter().map(String::as_str).collect::<Vec<_>>()
    );
}

#[test]
fn the_preview_marks_each_problem_in_place() {
    use chiso::data::user_files::mapping_step::propose;
    let text = "KẾT QUẢ PAPI 2024\nTỉnh,Điểm\nHà Nội,40\nSon La,95\nLao Cay,40\nĐiện Biên,abc\n";
    let p = propose("f.csv", text.as_bytes(), &reference(), None, None).unwrap();
    let problems: Vec<(u64, String)> = p
        .preview
        .iter()
        .filter_map(|r| r.problem.as_ref().map(|w| (r.line, w.en.clone())))
        .collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].1.contains("outside the scale"), "{problems:?}");
    assert!(problems[1].1.contains("Lao Cay"), "{problems:?}");
    assert!(problems[2].1.contains("abc"), "{problems:?}");
    assert_eq!(p.decimal, "point");
}

#[test]
fn column_letters() {
    use chiso::data::user_files::mapping_step::letter;
    assert_eq!(
        [letter(0), letter(25), letter(26), letter(701), letter(702)],
        ["A", "Z", "AA", "ZZ", "AAA"]
    );
}

#[test]
fn percent_formatted_fractions_are_not_read_as_small_values() {
    let text = |s: &str| Cell::Text(s.into());
    let mut rows = vec![vec![text("Tỉnh"), text("Chỉ số CCHC")]];
    for (i, p) in ["Hà Nội", "Sơn La", "Lào Cai"].iter().enumerate() {
        rows.push(vec![text(p), Cell::Number(0.9 + i as f64 / 100.0)]);
    }
    let g = Grid {
        rows,
        merges: Vec::new(),
    };
    let t = table_of(&g);
    let m = guess(&g, &t, &["PAR INDEX 2024"], &reference(), Decimal::Point);
    assert_eq!(m.roles[1], Role::Value("total".into()));
    let applied = column_mapping::apply("f.xlsx", &g, &t, &m, reference(), None);
    assert!(applied.table.rows.is_empty());
    assert_eq!(applied.errors.len(), 3);
    assert!(matches!(
        applied.errors[0].problem,
        RowProblem::Index(Problem::Fraction { .. })
    ));
}

#[test]
fn par_index_fields_in_points_and_percent_and_report_abbreviations() {
    let text = "Tỉnh,Cải cách TTHC,Cải cách TTHC (%),Xây dựng và tổ chức thực hiện VBQPPL,Cải cách thể chế,Tác động của CCHC (%),Chỉ số CCHC,Xếp hạng\n\
                Sơn La,10,80,8,8,70,85,3\nLào Cai,11,85,9,9,72,86,2\nHà Nội,12,90,9,9,75,90,1\n";
    let keys = guessed_roles(text, &["PAR INDEX 2024"]);
    assert_eq!(
        keys,
        [
            "province",
            "value:admin_procedures",
            "value:admin_procedures_pct",
            "value:legal_documents",
            // Named by the other half of the same component's name, so left for the user.
            "ignored",
            "value:reform_impact_pct",
            "value:total",
            "rank:total",
        ]
    );
}

// ---- a province's own unit scores, wide ----

#[test]
fn unit_types_from_names() {
    use chiso::data::units::UnitType;
    use chiso::data::user_files::unit_mapping::unit_type_of;
    for (name, t) in [
        ("Sở Tài chính", Some(UnitType::Department)),
        (
            "Ban Quản lý các khu công nghiệp",
            Some(UnitType::Department),
        ),
        ("Văn phòng UBND tỉnh", Some(UnitType::Department)),
        ("UBND huyện Mộc Châu", Some(UnitType::District)),
        ("Thành phố Sơn La", Some(UnitType::District)),
        ("Thị xã Sa Pa", Some(UnitType::District)),
        ("Xã Chiềng Sơn", Some(UnitType::Commune)),
        ("UBND phường Tô Hiệu", Some(UnitType::Commune)),
        ("Đặc khu Phú Quốc", Some(UnitType::Commune)),
        ("Thị trấn Ít Ong", Some(UnitType::Commune)),
        ("Sở", None),
        ("Khối sở, ban, ngành", None),
    ] {
        assert_eq!(unit_type_of(name), t, "{name}");
    }
}

#[test]
fn a_province_unit_table_in_its_wide_layout() {
    use chiso::data::units::UnitType;
    use chiso::data::user_files::unit_mapping::{
        apply_units, find_units, guess_units, UnitMapping,
    };
    use chiso::i18n::Lang;
    let text = "TEST DATA — KẾT QUẢ CHỈ SỐ CCHC CÁC CƠ QUAN, ĐƠN VỊ TỈNH SƠN LA NĂM 2025\n\
                STT;Cơ quan, đơn vị;Chỉ số CCHC (%);SIPAS (%);Xếp loại\n\
                I;KHỐI SỞ, BAN, NGÀNH;;;\n\
                1;Sở Tài chính;92,5;88,1;Tốt\n\
                2;Sở Nội vụ;90,25;-;Tốt\n\
                II;KHỐI XÃ, PHƯỜNG;;;\n\
                1;Xã Chiềng Sơn;85;80,5;Khá\n\
                2;Phường Tô Hiệu;x;82;Khá\n\
                ;Bình quân;89;83;\n";
    let (g, _) = Grid::of_text(text);
    let t = find_units(&g).unwrap();
    assert_eq!(t.body.len(), 4);
    let places = reference().places;
    let texts: Vec<&str> = t.title.iter().map(String::as_str).collect();
    let m = guess_units(&g, &t, &texts, &places, Decimal::Comma);
    assert_eq!(
        (m.province.as_deref(), m.year, m.decimal),
        (Some("Sơn La"), Some(2025), Decimal::Comma)
    );
    let metrics: Vec<Option<&str>> = m.metrics.iter().map(|m| m.as_deref()).collect();
    assert_eq!(
        metrics,
        vec![None, None, Some("par_index"), Some("sipas"), None]
    );
    let (scores, lines, errors) = apply_units("units.csv", &g, &t, &m, None);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(scores.len(), 6, "two marks of missing give no score");
    assert_eq!(lines, vec![4, 4, 5, 7, 7, 8]);
    assert_eq!(
        (
            scores[0].unit.as_str(),
            scores[0].unit_type,
            scores[0].value
        ),
        ("Sở Tài chính", UnitType::Department, Some(92.5))
    );
    assert_eq!(scores[3].unit_type, UnitType::Commune);
    // A choice of the step left unset is named as the step names it.
    let unset = UnitMapping {
        province: None,
        unit: None,
        ..m.clone()
    };
    let (scores, _, errors) = apply_units("units.csv", &g, &t, &unset, None);
    assert!(scores.is_empty());
    let messages: Vec<String> = errors.iter().map(|e| e.problem.message(Lang::Vi)).collect();
    assert_eq!(messages[0], "«Tên cơ quan, đơn vị»: chưa xác định");
    let unset = UnitMapping {
        unit: m.unit,
        ..unset
    };
    let (_, _, errors) = apply_units("units.csv", &g, &t, &unset, None);
    assert_eq!(errors[0].problem.message(Lang::En), "«Province»: not set");
    // A cell that is not a number is named by its column's header, not as `value`.
    let (g, _) = Grid::of_text(&text.replace("92,5", "9x"));
    let (_, _, errors) = apply_units("units.csv", &g, &t, &m, None);
    assert_eq!(
        errors[0].problem.message(Lang::Vi),
        "cột «Chỉ số CCHC (%)»: \"9x\" không phải là số"
    );
}

#[test]
fn the_worker_proposes_confirms_remembers_and_refuses() {
    use chiso::data::user_files::import::Reply;
    use chiso::data::user_files::mapping_step::{run, Asked, Proposal};
    let answer = |name: &str, bytes: &[u8], asked: &Asked| -> Reply {
        let mut last = Reply::default();
        run(name, bytes, reference(), 1000, asked, |r| last = r);
        assert!(last.is_final());
        last
    };
    let name = "TEST DATA PAPI 2025 annex.xlsx";
    let bytes = fixture(name);
    let first = answer(name, &bytes, &Asked::default());
    let p: Proposal = miniserde::json::from_str(first.proposal.as_deref().unwrap()).unwrap();
    assert!(!p.remembered && first.index.is_none());
    assert!(p
        .components
        .iter()
        .any(|c| c.index == "papi" && c.key == "e_governance"));
    let choice = p.choice();
    let json = miniserde::json::to_string(&choice);
    let asked = Asked {
        choice: Some(json.clone()),
        ..Asked::default()
    };
    let rows = answer(name, &bytes, &asked);
    assert_eq!(rows.index.as_ref().map(|t| t.rows), Some(34 * 9));
    assert_eq!(rows.errors.as_ref().map(Vec::len), Some(0));
    assert_eq!(rows.choice.as_deref(), Some(json.as_str()));
    let remembered = rows.remembered.unwrap();
    assert!(remembered.contains(&p.shape));
    // The next file of the same shape is proposed with the choice remembered.
    let csv = fixture("TEST DATA PAPI 2025 annex.csv");
    let asked = Asked {
        remembered: Some(remembered),
        ..Asked::default()
    };
    let next = answer("annex.csv", &csv, &asked);
    let p: Proposal = miniserde::json::from_str(next.proposal.as_deref().unwrap()).unwrap();
    assert!(p.remembered);
    assert_eq!(p.decimal, "comma");
    // The sheet of notes says what it found; a corrupt workbook says so.
    let notes = answer(
        name,
        &bytes,
        &Asked {
            sheet: Some(1),
            ..Asked::default()
        },
    );
    assert!(notes.refused.unwrap().vi.contains("Ghi chú (1×1)"));
    let corrupt = answer(
        "c.xlsx",
        &fixture("TEST DATA corrupt.xlsx"),
        &Asked::default(),
    );
    assert!(corrupt.refused.unwrap().vi.contains("tệp hỏng") && corrupt.proposal.is_none());
    // chiso's own long format needs no step.
    let own = "index,year,province,value\npapi,2024,Hà Nội,44.1\n";
    let own = answer("own.csv", own.as_bytes(), &Asked::default());
    assert!(own.proposal.is_none() && own.index.is_some());
}

#[test]
fn a_province_unit_workbook_goes_through_the_step_and_is_remembered() {
    use chiso::data::units::UnitType;
    use chiso::data::user_files::import::Reply;
    use chiso::data::user_files::mapping_step::{confirm, propose, run, Asked, Proposal};
    let name = "TEST DATA Sơn La 2025 units.xlsx";
    let bytes = fixture(name);
    let p = propose(name, &bytes, &reference(), None, None).unwrap();
    assert_eq!(
        (p.kind.as_str(), p.province.as_deref(), p.year, p.rows),
        ("units", Some("Sơn La"), Some(2025), 15)
    );
    assert!(p.provinces.iter().any(|n| n == "Hà Nội") && p.block.is_none());
    let roles: Vec<&str> = p.columns.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(
        roles,
        [
            "ignored",
            "unit",
            "metric:Cải cách thủ tục hành chính (điểm)",
            "metric:par_index",
            "metric:sipas"
        ]
    );
    assert_eq!(
        p.columns[2].criterion.as_deref(),
        Some("Cải cách thủ tục hành chính (điểm)")
    );
    // Each row's block from its unit's name; the one whose name tells none is marked.
    let blocks: Vec<Option<&str>> = p.preview.iter().map(|r| r.block.as_deref()).collect();
    assert_eq!(blocks[0], Some(UnitType::Department.key()));
    assert_eq!(blocks[6], None);
    // Said in the step's words, not by the long format's column key (`unit_type`).
    let problem = p.preview[6].problem.as_ref().unwrap();
    assert_eq!(
        problem.vi,
        "tên \"Công an tỉnh\" không cho biết khối (sở, ban, ngành / huyện, thị xã, thành phố / \
         xã, phường, đặc khu); hãy chọn ở mục «Khối của đơn vị có tên không cho biết khối»"
    );
    assert_eq!(
        problem.en,
        "the name \"Công an tỉnh\" does not tell the unit's block (departments / districts / \
         communes, wards and special zones); choose it under «Block of the units whose names do \
         not tell it»"
    );
    assert!(p.set_aside.iter().any(|a| a.text.contains("KHỐI XÃ")));
    // Confirmed as proposed: the unit without a block is skipped, row by row.
    let mut choice = p.choice();
    let (import, _) = confirm(name, &bytes, &reference(), &choice).unwrap();
    assert_eq!((import.scores.len(), import.errors.len()), (41, 3));
    assert!(import.index.is_none());
    // With the departments' block for it, every unit is read; the missing mark gives no score.
    choice.block = Some("department".into());
    let answer = |name: &str, bytes: &[u8], asked: &Asked| -> Reply {
        let mut last = Reply::default();
        run(name, bytes, reference(), 1000, asked, |r| last = r);
        last
    };
    let asked = Asked {
        choice: Some(miniserde::json::to_string(&choice)),
        ..Asked::default()
    };
    let rows = answer(name, &bytes, &asked);
    let scores = rows.scores.unwrap();
    assert_eq!((scores.len(), rows.errors.map(|e| e.len())), (44, Some(0)));
    let police = scores.iter().find(|s| s.unit == "Công an tỉnh").unwrap();
    assert_eq!(
        (
            police.province.as_str(),
            police.year,
            police.unit_type,
            police.metric.as_str()
        ),
        (
            "Sơn La",
            2025,
            UnitType::Department,
            "Cải cách thủ tục hành chính (điểm)"
        )
    );
    let commune = scores.iter().find(|s| s.unit == "Phường Tô Hiệu").unwrap();
    assert_eq!(commune.unit_type, UnitType::Commune);
    assert_eq!(rows.score_lines.unwrap()[0], 6);
    // Next year's file of the same shape, as a semicolon CSV: pre-filled, its own year.
    let csv = fixture("TEST DATA Sơn La 2024 units.csv");
    let asked = Asked {
        remembered: rows.remembered,
        ..Asked::default()
    };
    let next = answer("units 2024.csv", &csv, &asked);
    let p: Proposal = miniserde::json::from_str(next.proposal.as_deref().unwrap()).unwrap();
    assert!(p.remembered);
    assert_eq!(
        (
            p.year,
            p.decimal.as_str(),
            p.block.as_deref(),
            p.province.as_deref()
        ),
        (Some(2024), "comma", Some("department"), Some("Sơn La"))
    );
    let (import, _) = confirm("u.csv", &csv, &reference(), &p.choice()).unwrap();
    assert_eq!((import.scores.len(), import.errors.len()), (44, 0));
    assert_eq!(import.scores[1].value, Some(80.25));
}

#[test]
fn a_choice_kept_before_tables_of_units_is_an_index_tables() {
    use chiso::data::user_files::mapping_step::Kind;
    let old = r#"{"sheet":0,"index":"papi","year":2025,"decimal":"point","roles":["province"]}"#;
    let choice: Choice = miniserde::json::from_str(old).unwrap();
    assert_eq!(Kind::of(&choice), Kind::Index);
}

#[test]
fn another_index_chosen_in_the_step_has_its_columns_guessed_afresh() {
    use chiso::data::user_files::mapping_step::{propose, run, Asked, Proposal};
    let name = "TEST DATA PAPI 2025 annex.xlsx";
    let bytes = fixture(name);
    let p = propose(name, &bytes, &reference(), None, None).unwrap();
    // Indices by their names, not their keys.
    let papi = p.indices.iter().find(|i| i.key == "papi").unwrap();
    assert!(
        papi.name.vi.starts_with("PAPI – Chỉ số"),
        "{}",
        papi.name.vi
    );
    assert_eq!(p.indices.len(), 4);
    let again = |index: &str| -> Proposal {
        let mut draft = p.choice();
        draft.index = Some(index.into());
        draft.year = Some(2024);
        let asked = Asked {
            draft: Some(miniserde::json::to_string(&draft)),
            ..Asked::default()
        };
        let mut last = None;
        run(name, &bytes, reference(), 1000, &asked, |r| {
            last = r.proposal
        });
        miniserde::json::from_str(&last.unwrap()).unwrap()
    };
    let pci = again("pci");
    assert_eq!((pci.index.as_deref(), pci.year), (Some("pci"), Some(2024)));
    assert!(!pci.remembered);
    let roles: Vec<&str> = pci.columns.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles[1], "province");
    assert!(
        !roles.iter().any(|r| r.ends_with(":participation")),
        "PAPI's components are not kept for PCI: {roles:?}"
    );
    let back = again("papi");
    assert_eq!(back.columns[2].role, "value:participation");
}

//! The unit-score importer on good files and on every kind of bad input.
use chiso::data::units::UnitType;
use chiso::data::user_files::import::{
    FileError, FileKind, Import, Importer, RowProblem, Separator, MAX_FILE_BYTES, TEMPLATE,
};
use chiso::data::user_files::index_table::Reference;
use chiso::data::user_files::legacy_encodings::LegacyEncoding;
use chiso::i18n::Lang;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const HEADER: &str = "province,year,unit_type,unit,metric,value,low,high\n";

/// Files of unit scores need no reference (the provinces and scales index tables are checked
/// against).
fn import(name: &str, bytes: &[u8]) -> Result<Import, FileError> {
    chiso::data::user_files::import::import(name, bytes, Reference::default())
}

fn csv(rows: &str) -> Vec<u8> {
    format!("{HEADER}{rows}").into_bytes()
}

fn problems(bytes: &[u8]) -> Vec<(u64, RowProblem)> {
    import("f.csv", bytes)
        .unwrap()
        .errors
        .into_iter()
        .map(|e| (e.line, e.problem))
        .collect()
}

#[test]
fn the_template_imports_cleanly() {
    let result = import("template.csv", TEMPLATE.as_bytes()).unwrap();
    assert!(result.errors.is_empty(), "{:?}", result.errors);
    assert_eq!(result.scores.len(), 2);
    assert_eq!(result.scores[0].value, Some(96.79));
    let band = &result.scores[1];
    assert_eq!(
        (band.value, band.low, band.high, band.unit_type),
        (None, Some(90.0), Some(100.0), UnitType::District)
    );
    assert!(band.is_band());
    assert_eq!(band.source, "template.csv");
}

#[test]
fn bom_crlf_and_quoted_commas() {
    let text = "\u{FEFF}province,year,unit_type,unit,metric,value\r\n\"Sơn La\",2022,department,\"Sở Tài chính, Kế hoạch\",sipas,95.5\r\n";
    let r = import("f.csv", text.as_bytes()).unwrap();
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.scores[0].unit, "Sở Tài chính, Kế hoạch");
    assert_eq!(r.scores[0].province, "Sơn La");
}

#[test]
fn each_bad_row_is_listed_with_its_line_and_the_good_rows_kept() {
    let bytes = csv(concat!(
        "Sơn La,2022,department,A,par_index,90,,\n", // line 2: good
        "Sơn La,2022,department,B,par_index,abc,,\n", // 3: not a number
        "Sơn La,20x2,department,C,par_index,90,,\n", // 4: bad year
        "Sơn La,2022,ministry,D,par_index,90,,\n",   // 5: unknown unit type
        "Sơn La,2022,department,E,par_index,,95,90\n", // 6: low > high
        "Sơn La,2022,department,A,par_index,91,,\n", // 7: duplicate of line 2
        ",2022,department,F,par_index,90,,\n",       // 8: missing province
        "Sơn La,2022,department,G,par_index,,,\n",   // 9: no figure
        "Sơn La,2022,department,H\n",                // 10: too few fields
        "Sơn La,2022,district,I,par_index,88.5,,\n", // 11: good
    ));
    let r = import("f.csv", &bytes).unwrap();
    assert_eq!(
        r.scores.iter().map(|s| s.unit.as_str()).collect::<Vec<_>>(),
        ["A", "I"]
    );
    let got = problems(&bytes);
    assert_eq!(
        got.iter().map(|p| p.0).collect::<Vec<_>>(),
        [3, 4, 5, 6, 7, 8, 9, 10]
    );
    assert!(matches!(
        got[0].1,
        RowProblem::NotANumber {
            column: "value",
            ..
        }
    ));
    assert!(matches!(got[1].1, RowProblem::BadYear(_)));
    assert_eq!(got[2].1, RowProblem::UnknownUnitType("ministry".into()));
    assert_eq!(
        got[3].1,
        RowProblem::LowAboveHigh {
            low: 95.0,
            high: 90.0
        }
    );
    assert_eq!(got[4].1, RowProblem::Duplicate);
    assert_eq!(got[5].1, RowProblem::Missing("province"));
    assert_eq!(got[6].1, RowProblem::NoFigure);
    assert_eq!(
        got[7].1,
        RowProblem::FieldCount {
            expected: 8,
            found: 4
        }
    );
    // Every problem has a message in both languages.
    for (_, p) in &got {
        assert!(!p.message(Lang::Vi).is_empty() && !p.message(Lang::En).is_empty());
    }
}

#[test]
fn nfc_and_nfd_spellings_are_the_same_unit() {
    let nfc: String = "Sở Tư pháp".nfc().collect();
    let nfd: String = "Sở Tư pháp".nfd().collect();
    assert_ne!(nfc, nfd);
    let bytes = csv(&format!(
        "Hòa Bình,2022,department,{nfc},sipas,90,,\nHòa Bình,2022,department,{nfd},sipas,91,,\n"
    ));
    let r = import("f.csv", &bytes).unwrap();
    assert_eq!(r.scores.len(), 1);
    assert_eq!(r.errors[0].problem, RowProblem::Duplicate);
    let province_nfd: String = "Hòa Bình".nfd().collect();
    let bytes = csv(&format!("{province_nfd},2022,department,X,sipas,90,,\n"));
    assert_eq!(
        import("f.csv", &bytes).unwrap().scores[0].province,
        "Hòa Bình".nfc().collect::<String>()
    );
}

#[test]
fn huge_negative_and_non_finite_numbers() {
    let bytes = csv("A,2022,province,A,m1,-12.5,,\nA,2022,province,A,m2,1e300,,\nA,2022,province,A,m3,1e400,,\nA,2022,province,A,m4,NaN,,\nA,2022,province,A,m5,inf,,\n");
    let r = import("f.csv", &bytes).unwrap();
    assert_eq!(
        r.scores
            .iter()
            .map(|s| s.value.unwrap())
            .collect::<Vec<_>>(),
        [-12.5, 1e300]
    );
    assert_eq!(r.errors.len(), 3);
}

#[test]
fn excel_in_a_vietnamese_locale_semicolons_and_decimal_commas() {
    let text = "province;year;unit_type;unit;metric;value\nSơn La;2022;department;Sở Y tế;par_index;89,28\n";
    let r = import("f.csv", text.as_bytes()).unwrap();
    assert_eq!(r.scores[0].value, Some(89.28));
}

#[test]
fn utf16_is_decoded_and_legacy_encodings_converted() {
    let text = format!("{HEADER}Sơn La,2022,department,A,sipas,90,,\n");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(import("f.csv", &le).unwrap().scores.len(), 1);
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    assert_eq!(import("f.csv", &be).unwrap().scores.len(), 1);
    assert_eq!(import("f.csv", &le).unwrap().converted_from, None);
    // "Sơn La" in Windows-1258 (ơ is 0xF5), in TCVN3 (ơ is 0xAC) and in VNI (ơ is 0xF4), with a
    // department's name ("Sở Y tế": ở is 0xEB in TCVN3, "ôû" in VNI, ơ and a hook in 1258).
    for (bytes, encoding) in [
        (
            &b"S\xF5n La,2022,department,S\xF5\xD2 Y t\xEA\xEC,sipas,90,,\n"[..],
            LegacyEncoding::Windows1258,
        ),
        (
            b"S\xACn La,2022,department,S\xEB Y t\xD5,sipas,90,,\n",
            LegacyEncoding::Tcvn3,
        ),
        (
            b"S\xF4n La,2022,department,S\xF4\xFB Y te\xE1,sipas,90,,\n",
            LegacyEncoding::Vni,
        ),
    ] {
        let mut file = HEADER.as_bytes().to_vec();
        file.extend_from_slice(bytes);
        let r = import("f.csv", &file).unwrap();
        assert_eq!(r.converted_from, Some(encoding));
        assert_eq!(
            (r.scores[0].province.as_str(), r.scores[0].unit.as_str()),
            ("Sơn La", "Sở Y tế")
        );
    }
    // A CSV UTF-8 export of cells typed in a TCVN3 font: its text is converted too.
    let glyphs = format!("{HEADER}S¬n La,2022,department,Së Y tÕ,sipas,90,,\n");
    let r = import("f.csv", glyphs.as_bytes()).unwrap();
    assert_eq!(
        (r.converted_from, r.scores[0].unit.as_str()),
        (Some(LegacyEncoding::Tcvn3), "Sở Y tế")
    );
    // Bytes that read as Vietnamese in no encoding are refused, saying which were tried.
    let mut binary = HEADER.as_bytes().to_vec();
    binary.extend_from_slice(b"\x80\x9F\xFF\xFE,2022,department,\xC3\xC3\x8D\x81,sipas,90,,\n");
    assert_eq!(import("f.csv", &binary).unwrap_err(), FileError::NotUtf8);
    assert!(FileError::NotUtf8.message(Lang::En).contains("CSV UTF-8"));
    assert!(FileError::NotUtf8.message(Lang::Vi).contains("TCVN3"));
}

#[test]
fn whole_file_problems() {
    assert_eq!(import("f.csv", b"").unwrap_err(), FileError::Empty);
    assert_eq!(import("f.csv", b"  \n\n").unwrap_err(), FileError::Empty);
    assert_eq!(
        import("f.csv", HEADER.as_bytes()).unwrap_err(),
        FileError::HeaderOnly
    );
    match import("f.csv", b"name,score\nA,1\n").unwrap_err() {
        FileError::BadHeader { kind, missing, .. } => {
            assert_eq!((kind, missing.len()), (None, 0))
        }
        other => panic!("{other:?}"),
    }
    let e = FileError::BadHeader {
        kind: Some(FileKind::UnitScores),
        missing: vec!["unit".into()],
        header: "province,year".into(),
        separator: Some(Separator::Comma),
    };
    assert!(e
        .message(Lang::En)
        .contains("province,year,unit_type,unit,metric,value"));
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(matches!(
        Importer::new("f.csv", &big, Reference::default()),
        Err(FileError::TooLarge { .. })
    ));
    assert!(FileError::TooLarge {
        bytes: MAX_FILE_BYTES + 1
    }
    .message(Lang::Vi)
    .contains("16 MB"));
}

#[test]
fn json_arrays_of_objects() {
    let json = r#"[{"province":"Sơn La","year":2022,"unit_type":"district","unit":"Mai Sơn","metric":"sipas","value":93.1},
                  {"province":"Sơn La","year":"2022","unit_type":"district","unit":"Yên Châu","metric":"sipas","value":null,"low":85,"high":90},
                  {"province":"Sơn La","year":2022,"unit_type":"district","unit":"Bad","metric":"sipas","value":"x"}]"#;
    let r = import("f.json", json.as_bytes()).unwrap();
    assert_eq!(r.scores.len(), 2);
    assert_eq!(r.errors[0].line, 3, "JSON rows are numbered by item");
    assert_eq!(
        import("f.json", b"{\"a\":1}").unwrap_err(),
        FileError::NotRecords
    );
    match import("f.json", b"[{\"a\":1},\n oops]").unwrap_err() {
        FileError::BadJson(detail) => assert!(detail.starts_with("line 2, column 2"), "{detail}"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        import("f.json", b"[{\"a\":1}]").unwrap_err(),
        FileError::BadHeader { .. }
    ));
    assert_eq!(import("f.json", b"[]").unwrap_err(), FileError::HeaderOnly);
}

#[test]
fn large_files_are_read_in_steps_with_progress() {
    let mut text = String::from(HEADER);
    for i in 0..100_000 {
        text.push_str(&format!(
            "Sơn La,2022,department,Unit {i},par_index,{}.5,,\n",
            50 + i % 50
        ));
    }
    let mut importer = Importer::new("big.csv", text.as_bytes(), Reference::default()).unwrap();
    let mut steps = 0;
    let mut last = 0.0;
    while !importer.step(5_000) {
        steps += 1;
        assert!(importer.progress() >= last);
        last = importer.progress();
    }
    assert!(steps >= 19);
    let r = importer.finish();
    assert_eq!((r.scores.len(), r.errors.len()), (100_000, 0));
}

proptest! {
    // 100,000 cases by default; PROPTEST_CASES=1000000 cargo test --release --test import runs a longer campaign.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000), ..ProptestConfig::default() })]

    #[test]
    fn no_input_makes_the_importer_panic(body in prop::collection::vec(any::<u8>(), 0..200), header in 0usize..4, choice in 0u8..4) {
        let prefix: &[u8] = match header {
            0 => b"",
            1 => HEADER.as_bytes(),
            2 => b"[",
            _ => b"province;year;unit_type;unit;metric;value\n",
        };
        let mut bytes = prefix.to_vec();
        match choice {
            // Raw bytes, or text built from the characters that matter to the parsers.
            0 => bytes.extend(&body),
            _ => {
                const ALPHABET: &[u8] = b",;\"\n\r{}[]:0123456789.-eE ab\xC6\xA1";
                bytes.extend(body.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()]))
            }
        }
        let _ = import("fuzz", &bytes);
    }
}

#[test]
fn the_worker_protocol_carries_every_reply_intact() {
    let file = "province,year,unit_type,unit,metric,value,low,high\nSơn La,2022,district,Mai Sơn,sipas,93.1,,\nSơn La,2022,district,Yên Châu,sipas,,85,90\nSơn La,20x,district,X,sipas,1,,\n";
    let mut replies = Vec::new();
    chiso::data::user_files::import::run("f.csv", file.as_bytes(), Reference::default(), 1, |r| {
        replies.push(r)
    });
    assert!(replies.len() >= 2 && replies.last().unwrap().is_final());
    for reply in &replies {
        let json = miniserde::json::to_string(reply);
        let back: chiso::data::user_files::import::Reply =
            miniserde::json::from_str(&json).unwrap_or_else(|e| panic!("{e:?}: {json}"));
        assert_eq!(&back, reply);
    }
    let last = replies.last().unwrap();
    assert_eq!(last.scores.as_ref().unwrap().len(), 2);
    assert_eq!(last.note, None);
    assert_eq!(last.errors.as_ref().unwrap()[0].line, 4);
    let mut refused = Vec::new();
    chiso::data::user_files::import::run("f.csv", b"", Reference::default(), 1, |r| {
        refused.push(r)
    });
    assert!(
        refused[0].refused.as_ref().unwrap().en.contains("empty"),
        "{:?}",
        refused[0]
    );
}

/// The same rows with each kind of line end, with and without a byte-order mark.
fn variants(lines: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (end_name, end) in [("CRLF", "\r\n"), ("LF", "\n"), ("CR", "\r")] {
        for bom in [false, true] {
            let mut text = if bom {
                "\u{FEFF}".to_string()
            } else {
                String::new()
            };
            for line in lines {
                text.push_str(&line.replace('\n', end));
                text.push_str(end);
            }
            out.push((format!("{end_name}, BOM {bom}"), text.into_bytes()));
        }
    }
    out
}

#[test]
fn bad_rows_have_the_line_a_spreadsheet_shows_whatever_the_line_ends() {
    // Spreadsheet rows: 1 header, 2 good, 3 bad, 4 empty, 5 good whose unit holds a line break
    // (one row, though two lines of text), 6 bad, 7 bad.
    let lines = [
        "province,year,unit_type,unit,metric,value",
        "Sơn La,2022,department,A,par_index,90",
        "Sơn La,20x2,department,B,par_index,90",
        "",
        "Sơn La,2022,department,\"Sở Tài chính\nKế hoạch\",par_index,91",
        "Sơn La,2022,department,C,par_index,abc",
        "Sơn La,2022,ministry,D,par_index,90",
    ];
    for (name, bytes) in variants(&lines) {
        let r = import("f.csv", &bytes).unwrap();
        assert_eq!(r.scores.len(), 2, "{name}");
        let got: Vec<u64> = r.errors.iter().map(|e| e.line).collect();
        assert_eq!(got, [3, 6, 7], "{name}");
    }
    // Two quoted line breaks in one field, then a bad row: row 3 still.
    for (name, bytes) in variants(&[
        "province,year,unit_type,unit,metric,value",
        "Sơn La,2022,department,\"a\nb\nc\",par_index,90",
        "Sơn La,2022,department,E,par_index,x",
    ]) {
        let got: Vec<u64> = problems(&bytes).iter().map(|p| p.0).collect();
        assert_eq!(got, [3], "{name}");
    }
}

#[test]
fn a_row_with_a_quoted_field_left_open_is_numbered_where_it_starts() {
    let bytes = b"province,year,unit_type,unit,metric,value\r\nS,2022,department,A,m,1\r\nS,2022,department,\"B,m,x\r\n";
    let r = import("f.csv", bytes).unwrap();
    assert_eq!(r.scores.len(), 1);
    assert_eq!(r.errors[0].line, 3);
}

#[test]
fn the_separator_is_found_in_the_header_line() {
    assert_eq!(Separator::detect("a,b,c"), Separator::Comma);
    assert_eq!(Separator::detect("a;b;c"), Separator::Semicolon);
    assert_eq!(Separator::detect("a\tb\tc"), Separator::Tab);
    assert_eq!(Separator::detect("a;b;c,d"), Separator::Semicolon);
    assert_eq!(Separator::detect("a,b\tc"), Separator::Tab);
    assert_eq!(Separator::detect("name"), Separator::Comma);
    assert_eq!(Separator::detect(""), Separator::Comma);
}

#[test]
fn tab_separated_text_as_pasted_from_a_spreadsheet() {
    for end in ["\n", "\r\n"] {
        for trailing in [true, false] {
            let mut text = [
                "province\tyear\tunit_type\tunit\tmetric\tvalue",
                "Sơn La\t2022\tdepartment\tSở Tài chính, Kế hoạch\tsipas\t95.5",
                "Sơn La\t2022\tdepartment\tSở Y tế\tsipas\t89,28",
                "Sơn La\t2022\tdepartment\tSở Nội vụ\tsipas\t1,234.5",
            ]
            .join(end);
            if trailing {
                text.push_str(end);
            }
            let r = import("pasted", text.as_bytes()).unwrap();
            assert_eq!(
                r.scores.iter().map(|s| s.value).collect::<Vec<_>>(),
                [Some(95.5), Some(89.28)],
                "{end:?} {trailing}"
            );
            assert_eq!(r.scores[0].unit, "Sở Tài chính, Kế hoạch");
            // A thousands separator with a decimal point is not read as a number.
            assert_eq!(r.errors.len(), 1);
            assert_eq!(r.errors[0].line, 4);
        }
    }
}

#[test]
fn excel_unicode_text_utf16_with_tabs() {
    let text = "province\tyear\tunit_type\tunit\tmetric\tvalue\r\nSơn La\t2022\tdepartment\t\"Sở Tư pháp\"\tsipas\t92,5\r\nSơn La\t2022\tdepartment\tX\tsipas\tx\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let r = import("Unicode Text.txt", &le).unwrap();
    assert_eq!(r.scores.len(), 1);
    assert_eq!(r.scores[0].value, Some(92.5));
    assert_eq!(r.scores[0].unit, "Sở Tư pháp");
    assert_eq!(r.errors[0].line, 3);
}

#[test]
fn a_file_without_a_usable_header_says_what_header_and_separator_it_read() {
    let e = import("f.csv", "tỉnh;năm;giá trị\r\nSơn La;2022;90\r\n".as_bytes()).unwrap_err();
    match &e {
        FileError::BadHeader {
            header, separator, ..
        } => {
            assert_eq!(header, "tỉnh;năm;giá trị");
            assert_eq!(*separator, Some(Separator::Semicolon));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        e.message(Lang::En)
            .contains("«tỉnh;năm;giá trị» (separator: semicolon)"),
        "{}",
        e.message(Lang::En)
    );
    assert!(e.message(Lang::Vi).contains("dấu chấm phẩy"));
    let e = import("f.csv", b"a\tb\n1\t2\n").unwrap_err();
    assert!(
        e.message(Lang::En).contains("«a\tb» (separator: tab)"),
        "{}",
        e.message(Lang::En)
    );
    let e = import("f.json", b"[{\"b\":1,\"a\":2}]").unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("«a,b» (keys of the first JSON object)"),
        "{}",
        e.message(Lang::En)
    );
    // A long first line (not a table at all) is cut short.
    let long = format!("{}\nx\n", "y".repeat(1000));
    assert!(
        import("f.csv", long.as_bytes())
            .unwrap_err()
            .message(Lang::En)
            .len()
            < 600
    );
}

#[test]
fn the_worker_tells_the_page_a_file_was_converted_in_both_languages() {
    let mut file = HEADER.as_bytes().to_vec();
    file.extend_from_slice(b"S\xACn La,2022,department,S\xEB Y t\xD5,sipas,90,,\n");
    let mut replies = Vec::new();
    chiso::data::user_files::import::run("f.csv", &file, Reference::default(), 1, |r| {
        replies.push(r)
    });
    let last = replies.last().unwrap();
    assert!(last.is_final());
    let note = last.note.as_ref().unwrap();
    assert!(
        note.vi.contains("TCVN3") && note.en.contains("converted from"),
        "{note:?}"
    );
    // Only the final reply carries it, and it survives the message's JSON.
    assert!(replies[..replies.len() - 1]
        .iter()
        .all(|r| r.note.is_none()));
    let json = miniserde::json::to_string(last);
    let back: chiso::data::user_files::import::Reply = miniserde::json::from_str(&json).unwrap();
    assert_eq!(&back, last);
}

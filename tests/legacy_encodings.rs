//! Vietnamese in TCVN3, VNI-Windows and Windows-1258: every letter both ways in each, real
//! report text detected and converted, correct Unicode and ASCII never changed, no panic on
//! any input. The encoders here are built from the module's own tables (their inverse).
use chiso::data::user_files::legacy_encodings::{
    convert, convert_text, decide, decode, LegacyEncoding, CAPITAL_VOWELS, D, TCVN3_CAPITALS,
    TCVN3_D, TCVN3_VOWELS, VNI_CAPITAL_VOWELS, VNI_D, VNI_VOWELS, VOWELS, WINDOWS_1252_80,
    WINDOWS_1258_80,
};
use proptest::prelude::*;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;
use LegacyEncoding::{Tcvn3, Vni, Windows1258};

/// The 134 Vietnamese letters beyond ASCII, small and capital.
fn letters() -> Vec<char> {
    let mut all: Vec<char> = VOWELS
        .iter()
        .chain(&CAPITAL_VOWELS)
        .flatten()
        .copied()
        .filter(|c| !c.is_ascii())
        .collect();
    all.extend(D);
    all
}

/// Windows-1252's byte for a character (every character of a VNI or TCVN3 glyph is one).
fn cp1252(c: char) -> u8 {
    u8::try_from(u32::from(c))
        .ok()
        .or_else(|| {
            WINDOWS_1252_80
                .iter()
                .position(|&w| w == c)
                .map(|i| 0x80 + i as u8)
        })
        .unwrap_or_else(|| panic!("{c:?} is not in Windows-1252"))
}

/// TCVN3's code for each letter it has.
fn tcvn3_codes() -> HashMap<char, u8> {
    let mut codes: HashMap<char, u8> = TCVN3_CAPITALS.into_iter().collect();
    for (row, bytes) in VOWELS.iter().zip(&TCVN3_VOWELS) {
        codes.extend(row.iter().copied().zip(bytes.iter().copied()));
    }
    codes.insert(D[0], TCVN3_D);
    codes
}

fn small(c: char) -> char {
    c.to_lowercase().next().unwrap()
}

/// Text in TCVN3 as a typist writes it: a capital with a tone has no code and is typed with the
/// small letter's (a capital font draws it as a capital).
fn tcvn3(text: &str) -> Vec<u8> {
    let codes = tcvn3_codes();
    text.chars()
        .map(|c| match codes.get(&c).or_else(|| codes.get(&small(c))) {
            Some(&b) if !c.is_ascii() => b,
            _ => cp1252(c),
        })
        .collect()
}

fn vni(text: &str) -> Vec<u8> {
    let mut typed: HashMap<char, &str> = HashMap::new();
    for (rows, glyphs) in [
        (&VOWELS, &VNI_VOWELS),
        (&CAPITAL_VOWELS, &VNI_CAPITAL_VOWELS),
    ] {
        for (row, typed_row) in rows.iter().zip(glyphs.iter()) {
            typed.extend(row.iter().copied().zip(typed_row.iter().copied()));
        }
    }
    typed.insert(D[0], VNI_D[0]);
    typed.insert(D[1], VNI_D[1]);
    text.chars()
        .flat_map(|c| match typed.get(&c) {
            Some(glyphs) => glyphs.chars().map(cp1252).collect::<Vec<_>>(),
            None => vec![cp1252(c)],
        })
        .collect()
}

/// Text in Windows-1258 as Windows writes it: a letter the code page has as one byte, else its
/// letter without the tone mark (precomposed: ă, ơ…) and the tone's combining byte;
/// `decomposed` writes every tone as a combining byte.
fn windows_1258(text: &str, decomposed: bool) -> Vec<u8> {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let code: HashMap<char, u8> = WINDOWS_1258_80
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, 0x80 + i as u8))
        .collect();
    let byte = |c: char| {
        if c.is_ascii() {
            Some(c as u8)
        } else {
            code.get(&c).copied()
        }
    };
    let mut out = Vec::new();
    for c in text.chars() {
        let parts: Vec<char> = c.nfd().collect();
        let tone = parts.iter().copied().find(|p| TONES.contains(p));
        if let Some(b) = byte(c).filter(|_| !(decomposed && tone.is_some())) {
            out.push(b);
            continue;
        }
        let tone = tone.unwrap_or_else(|| panic!("{c:?} is not in Windows-1258"));
        let base: String = parts
            .iter()
            .filter(|&&p| p != tone)
            .collect::<String>()
            .nfc()
            .collect();
        let base = base.chars().next().unwrap();
        out.push(byte(base).unwrap_or_else(|| panic!("{c}: no byte for {base}")));
        out.push(byte(tone).unwrap());
    }
    out
}

fn encode(text: &str, encoding: LegacyEncoding) -> Vec<u8> {
    match encoding {
        Tcvn3 => tcvn3(text),
        Vni => vni(text),
        Windows1258 => windows_1258(text, false),
    }
}

/// Bytes as Windows-1252 characters: what a workbook holds when they were typed in a font.
fn glyphs(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_80[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// What TCVN3 gives back: the same text, but a capital with a tone is small unless its word is
/// in capitals. Compared without case for TCVN3, exactly for the others.
fn same(encoding: LegacyEncoding, got: &str, text: &str) -> bool {
    match encoding {
        Tcvn3 => got.to_lowercase() == text.to_lowercase(),
        _ => got == text,
    }
}

#[test]
fn the_code_pages_agree_with_whatwg() {
    for b in 0x80..=0xFFu8 {
        let byte = [b];
        let (w1252, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        let (w1258, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&byte);
        if b <= 0x9F {
            assert_eq!(
                w1252,
                WINDOWS_1252_80[usize::from(b - 0x80)].to_string(),
                "{b:#X}"
            );
        }
        assert_eq!(
            w1258,
            WINDOWS_1258_80[usize::from(b - 0x80)].to_string(),
            "{b:#X}"
        );
    }
}

#[test]
fn there_are_134_letters_and_each_legacy_table_is_a_bijection() {
    let all = letters();
    assert_eq!(all.len(), 134);
    assert_eq!(
        all.iter().collect::<std::collections::HashSet<_>>().len(),
        134
    );
    // TCVN3: the 67 small letters and 7 capitals, each its own byte above ASCII.
    let codes = tcvn3_codes();
    let beyond: Vec<u8> = codes.values().copied().filter(|b| !b.is_ascii()).collect();
    assert_eq!(beyond.len(), 74);
    assert_eq!(
        beyond
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len(),
        74
    );
    // VNI: every letter typed differently.
    let typed: Vec<Vec<u8>> = all.iter().map(|c| vni(&c.to_string())).collect();
    assert_eq!(
        typed.iter().collect::<std::collections::HashSet<_>>().len(),
        134
    );
}

#[test]
fn every_letter_both_ways_in_tcvn3() {
    let codes = tcvn3_codes();
    for letter in letters() {
        let bytes = tcvn3(&letter.to_string());
        let expected = if codes.contains_key(&letter) {
            letter
        } else {
            small(letter)
        };
        assert_eq!(Tcvn3.decode(&bytes), expected.to_string(), "{letter}");
        assert_eq!(
            Tcvn3.from_glyphs(&glyphs(&bytes)).unwrap(),
            expected.to_string(),
            "{letter}"
        );
        // Inside a word otherwise in capitals, a capital typed with the small code is a capital.
        let word = format!("X{letter}Y");
        if letter.is_uppercase() {
            assert_eq!(Tcvn3.decode(&tcvn3(&word)), word);
        }
    }
    // The other way: each code read gives the letter it is the code of.
    for (&letter, &byte) in &codes {
        assert_eq!(tcvn3(&Tcvn3.decode(&[byte])), vec![byte], "{letter}");
    }
}

#[test]
fn every_letter_both_ways_in_vni() {
    for letter in letters() {
        let bytes = vni(&letter.to_string());
        assert_eq!(Vni.decode(&bytes), letter.to_string(), "{letter}");
        assert_eq!(
            Vni.from_glyphs(&glyphs(&bytes)).unwrap(),
            letter.to_string()
        );
        // Between letters, and written twice: each base letter takes its own mark only.
        let word = format!("b{letter}{letter}n");
        assert_eq!(Vni.decode(&vni(&word)), word);
        assert_eq!(vni(&Vni.decode(&bytes)), bytes);
    }
}

#[test]
fn every_letter_both_ways_in_windows_1258() {
    for letter in letters() {
        for decomposed in [false, true] {
            let bytes = windows_1258(&letter.to_string(), decomposed);
            assert_eq!(Windows1258.decode(&bytes), letter.to_string(), "{letter}");
            assert_eq!(
                windows_1258(&Windows1258.decode(&bytes), false),
                windows_1258(&letter.to_string(), false)
            );
        }
    }
    // Every byte alone reads back as itself.
    for b in 0x80..=0xFFu8 {
        assert_eq!(
            windows_1258(&Windows1258.decode(&[b]), false),
            vec![b],
            "{b:#X}"
        );
    }
}

/// Report language as the committees write it, with province names.
const SENTENCES: [&str; 9] = [
    "Ủy ban nhân dân tỉnh Sơn La",
    "Chỉ số cải cách hành chính",
    "Chỉ số hài lòng về sự phục vụ hành chính",
    "Hiệu quả quản trị và hành chính công cấp tỉnh",
    "Sở Nội vụ tỉnh Hòa Bình; Sở Kế hoạch và Đầu tư tỉnh Lào Cai",
    "Kết quả xếp hạng của tỉnh năm 2022 giảm 5 bậc so với năm trước",
    "Thừa Thiên Huế, Bà Rịa - Vũng Tàu, Đắk Lắk, Quảng Ngãi",
    "UBND TỈNH SƠN LA — BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH",
    "Tổng điểm đạt 91,19/100 điểm, tăng 1,76 điểm; xếp thứ 12/63",
];

#[test]
fn report_sentences_are_detected_and_converted_in_each_encoding() {
    for encoding in [Tcvn3, Vni, Windows1258] {
        for sentence in SENTENCES {
            let bytes = encode(sentence, encoding);
            let (text, found) = decode(&bytes).unwrap_or_else(|| panic!("{sentence}"));
            assert_eq!(found, encoding, "{sentence}");
            assert!(same(encoding, &text, sentence), "{encoding:?}: {text}");
            if encoding != Windows1258 {
                let (text, found) = convert_text(&glyphs(&bytes)).unwrap();
                assert_eq!(found, encoding, "{sentence}");
                assert!(same(encoding, &text, sentence), "{encoding:?}: {text}");
            }
        }
    }
}

#[test]
fn tcvn3_capitals_with_tones_follow_their_word() {
    assert_eq!(Tcvn3.decode(&tcvn3("UBND TỈNH SƠN LA")), "UBND TỈNH SƠN LA");
    assert_eq!(Tcvn3.decode(&tcvn3("ỦY BAN")), "ỦY BAN");
    assert_eq!(Tcvn3.decode(&tcvn3("Đà Nẵng")), "Đà Nẵng");
    assert_eq!(Tcvn3.decode(&tcvn3("Ủy ban")), "ủy ban");
    assert_eq!(Tcvn3.decode(&tcvn3("ĐỒNG")), "ĐỒNG");
    // A capital and small letters beyond ASCII: a word in lower case after its capital.
    assert_eq!(Tcvn3.decode(&tcvn3("Hà Nội, Sở Y tế")), "Hà Nội, Sở Y tế");
}

/// The project's own Vietnamese: province and region names, the reports' meetings and facts.
fn real_text() -> String {
    [
        "data/geo/provinces.csv",
        "data/geo/provinces_2025.csv",
        "data/geo/regions.csv",
        "data/seeds/meetings.csv",
        "data/seeds/facts.csv",
    ]
    .iter()
    .map(|f| std::fs::read_to_string(f).unwrap())
    .collect::<Vec<_>>()
    .join("\n")
}

#[test]
fn whole_files_of_report_text_round_trip_in_each_encoding() {
    let text = real_text();
    for encoding in [Tcvn3, Vni, Windows1258] {
        let (back, found) = decode(&encode(&text, encoding)).unwrap();
        assert_eq!(found, encoding);
        if encoding == Tcvn3 {
            // Only a capital TCVN3 has no code for may come back small.
            let codes = tcvn3_codes();
            assert_eq!(back.chars().count(), text.chars().count());
            for (got, letter) in back.chars().zip(text.chars()) {
                assert!(
                    got == letter || (got == small(letter) && !codes.contains_key(&letter)),
                    "{got} for {letter}"
                );
            }
        } else {
            assert_eq!(back, text);
        }
    }
}

#[test]
fn correct_unicode_and_ascii_are_never_changed() {
    let text = real_text();
    assert_eq!(convert_text(&text), None);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(decide(lines.iter().copied()), None);
    for line in &lines {
        assert_eq!(convert_text(line), None, "{line}");
        for field in line.split(',') {
            assert_eq!(convert_text(field), None, "{field}");
            for encoding in [Tcvn3, Vni, Windows1258] {
                assert_eq!(convert(field, encoding), None, "{encoding:?} {field}");
            }
        }
    }
    for sentence in SENTENCES {
        assert_eq!(convert_text(sentence), None, "{sentence}");
        assert_eq!(
            convert_text(&sentence.nfd().collect::<String>()),
            None,
            "{sentence}"
        );
    }
    for ascii in [
        "",
        "Ha Noi",
        "index,year,province,value",
        "Son La 2022 91.19",
    ] {
        assert_eq!(convert_text(ascii), None);
        assert_eq!(decide([ascii]), None);
        assert_eq!(decode(ascii.as_bytes()), None);
    }
    // Latin-1 words of other languages are not taken for glyphs.
    for foreign in ["Café crème", "Müller, Zürich", "São Paulo", "naïve résumé"] {
        assert_eq!(convert_text(foreign), None, "{foreign}");
    }
}

#[test]
fn a_mostly_ascii_file_with_a_few_names_is_detected() {
    for encoding in [Tcvn3, Vni, Windows1258] {
        let mut file = String::from("index,year,province,value,source\r\n");
        for (i, name) in ["Ha Noi", "Lai Chau", "Sơn La", "Dien Bien"]
            .iter()
            .enumerate()
        {
            file.push_str(&format!("papi,2025,{name},{}.5,test data\r\n", 40 + i));
        }
        let (text, found) = decode(&encode(&file, encoding)).unwrap();
        assert_eq!((found, text), (encoding, file.clone()));
    }
    // One TCVN3 name among ASCII ones, as a workbook's cells.
    let cells = ["Ha Noi", "Lai Chau", &glyphs(&tcvn3("Hà Nội")), "Dien Bien"];
    assert_eq!(decide(cells), Some(Tcvn3));
}

#[test]
fn one_decision_per_sheet_and_one_odd_cell_does_not_flip_it() {
    // A sheet in Unicode with one cell that reads as TCVN3 glyphs: no conversion.
    let mut cells: Vec<String> = SENTENCES.iter().map(|s| s.to_string()).collect();
    cells.push("Cã".into());
    assert_eq!(decide(cells.iter().map(String::as_str)), None);
    // A sheet in TCVN3 with one cell in Unicode: TCVN3, and the Unicode cell is left as it is.
    let mut cells: Vec<String> = SENTENCES.iter().map(|s| glyphs(&tcvn3(s))).collect();
    cells.push("Tây Ninh".into());
    assert_eq!(decide(cells.iter().map(String::as_str)), Some(Tcvn3));
    assert_eq!(convert("Tây Ninh", Tcvn3), None);
    assert_eq!(convert("Hòa Bình", Tcvn3), None);
    assert_eq!(
        convert(&cells[0], Tcvn3).as_deref(),
        Some("ủy ban nhân dân tỉnh Sơn La")
    );
}

#[test]
fn vni_pairs_at_the_ends_of_lines_and_fields() {
    // A base letter ending a line and a mark starting the next are not one letter.
    assert_eq!(Vni.decode(b"Ha\n\xF8n"), "Ha\nøn");
    assert_eq!(Vni.decode(b"Ha,\xF8"), "Ha,ø");
    // A base letter at the very end of the file, and a mark at its very start.
    assert_eq!(Vni.decode(b"S\xF4n La"), "Sơn La");
    assert_eq!(Vni.decode(b"\xF9a"), "ùa");
    // CRLF after a pair.
    assert_eq!(Vni.decode(b"Ho\xF8a\r\nB\xECnh\r\n"), "Hòa\r\nBình\r\n");
}

#[test]
fn names_and_notes_in_both_languages() {
    use chiso::i18n::Lang;
    for encoding in [Tcvn3, Vni, Windows1258] {
        let vi = encoding.note(Lang::Vi);
        let en = encoding.note(Lang::En);
        assert!(
            vi.contains(encoding.name(Lang::Vi)) && vi.contains("Unicode"),
            "{vi}"
        );
        assert!(
            en.contains(encoding.name(Lang::En)) && en.starts_with("The file was converted"),
            "{en}"
        );
    }
    assert!(Tcvn3.note(Lang::Vi).contains("TCVN3"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000), ..ProptestConfig::default() })]

    #[test]
    fn no_bytes_make_the_decoders_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = decode(&bytes);
        for encoding in [Tcvn3, Vni, Windows1258] {
            let _ = encoding.decode(&bytes);
        }
    }

    #[test]
    fn no_text_makes_the_conversion_panic(text in "\\PC{0,60}", latin in "[ -~\u{A0}-\u{FF}]{0,60}") {
        let _ = convert_text(&text);
        let _ = convert_text(&latin);
        let _ = decide([text.as_str(), latin.as_str()]);
    }

    #[test]
    fn text_with_letters_beyond_windows_1252_is_left_alone(words in prop::collection::vec("[a-zđơưăạệộ ]{1,8}", 1..8)) {
        let text = words.join(" ");
        // Only pieces with a character beyond Windows-1252: none can be glyphs.
        prop_assume!(text.chars().any(|c| c as u32 > 0xFF));
        let text = format!("{text} đơn");
        prop_assert_eq!(convert_text(&text), None);
    }
}

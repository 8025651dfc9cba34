//! Vietnamese in the legacy encodings of older provincial files, converted to Unicode (NFC):
//! TCVN3 (the ABC code, TCVN 5712:1993 VN3), VNI-Windows and Windows-1258.
//!
//! Two cases:
//! - **Bytes** of a CSV or TSV that are not UTF-8: `decode` reads them in each encoding and keeps
//!   the reading that is most Vietnamese, or none when no reading holds Vietnamese.
//! - **Text already in Unicode** but typed in a TCVN3 or VNI font (.VnTime, VNI-Times): each
//!   byte of the font's code became the Windows-1252 character of that byte ("Hµ Néi" for Hà
//!   Nội), which is what a workbook's cell or its "CSV UTF-8" export holds. `convert_text`
//!   converts one text; for a whole sheet, `decide` makes one decision over all its cells and
//!   `convert` applies it to each cell, so that one odd cell does not flip the encoding.
//!
//! **How Vietnamese a text reads** (`score`): every word holding a letter beyond ASCII counts 1
//! when it is a Vietnamese syllable (an initial consonant, a group of vowels, a final consonant,
//! at most one tone mark, and a final stop only with the acute or dot-below tone), 2 when that
//! syllable is among the commonest of the reports and the provinces' names, and −1 otherwise;
//! ASCII words count for nothing, so plain ASCII is never converted. Legacy codes read wrongly
//! give symbols inside words ("S¬n") or groups of vowels that Vietnamese does not have, and lose
//! points; the right reading gains them.
//!
//! **Correct Unicode is never changed**: a piece of text (between field or line separators) is
//! converted only when its conversion reads strictly more Vietnamese than it does, and a piece
//! holding a character beyond Windows-1252 (ơ, ư, đ, ạ… as Unicode writes them) cannot be font
//! glyphs and is left alone.
//!
//! **TCVN3's capitals**: TCVN3 has codes for the seven capitals Ă Â Ê Ô Ơ Ư Đ but none for a
//! capital with a tone mark (Ủ, Ỉ): typists used a capital font (.VnTimeH), which draws the
//! lower-case codes as capitals. Such a letter is read in lower case, as its code says, and made
//! a capital within a word in capitals (a capital after its first letter, and no ASCII small
//! letter: "TØNH" reads "TỈNH", "ñY" reads "ỦY"); "Hµ" stays "Hà" and "§µ" "Đà".
//!
//! The tables below were written from the published definitions (TCVN 5712:1993 for TCVN3, the
//! VNI-Windows code, Microsoft's code page 1258).

use crate::i18n::{Lang, Text};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A legacy encoding of Vietnamese that chiso reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LegacyEncoding {
    Tcvn3,
    Vni,
    Windows1258,
}

impl LegacyEncoding {
    /// Every encoding, in the order that wins a tie between readings.
    pub const ALL: [LegacyEncoding; 3] = [
        LegacyEncoding::Windows1258,
        LegacyEncoding::Tcvn3,
        LegacyEncoding::Vni,
    ];

    /// The encoding's name as the note on a file says it.
    pub fn name(self, lang: Lang) -> &'static str {
        lang.t(match self {
            LegacyEncoding::Tcvn3 => Text::EncodingTcvn3,
            LegacyEncoding::Vni => Text::EncodingVni,
            LegacyEncoding::Windows1258 => Text::EncodingWindows1258,
        })
    }

    /// The note on a file converted from this encoding ("The file was converted from … to
    /// Unicode; …").
    pub fn note(self, lang: Lang) -> String {
        lang.fill(Text::ConvertedFrom, &[self.name(lang)])
    }

    /// Bytes in this encoding as Unicode (NFC). A byte that is no Vietnamese letter in it is
    /// read as Windows-1252 reads it (punctuation, ASCII).
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            LegacyEncoding::Windows1258 => {
                crate::text::nfc(&bytes.iter().map(|&b| windows_1258(b)).collect::<String>())
            }
            LegacyEncoding::Tcvn3 => {
                let tables = tables();
                let text: String = bytes
                    .iter()
                    .map(|&b| tables.tcvn3[b as usize].unwrap_or_else(|| windows_1252(b)))
                    .collect();
                tcvn3_capitals(&text)
            }
            LegacyEncoding::Vni => {
                let tables = tables();
                let mut text = String::with_capacity(bytes.len());
                let mut i = 0;
                while i < bytes.len() {
                    let pair = bytes
                        .get(i + 1)
                        .and_then(|&mark| tables.vni_pairs.get(&(bytes[i], mark)));
                    if let Some(&letter) = pair {
                        text.push(letter);
                        i += 2;
                    } else {
                        let b = bytes[i];
                        text.push(tables.vni_single[b as usize].unwrap_or_else(|| windows_1252(b)));
                        i += 1;
                    }
                }
                text
            }
        }
    }

    /// Text whose characters are this encoding's bytes read as Windows-1252 (a font's glyphs),
    /// as Unicode; `None` when a character is not one of Windows-1252's (nor a C1 control, as
    /// some readers leave its undefined bytes), so the text cannot be glyphs.
    pub fn from_glyphs(self, text: &str) -> Option<String> {
        let bytes: Option<Vec<u8>> = text.chars().map(glyph_byte).collect();
        Some(self.decode(&bytes?))
    }
}

/// The twelve vowels of Vietnamese, each without a tone mark and then with the grave (huyền),
/// acute (sắc), hook above (hỏi), tilde (ngã) and dot below (nặng).
pub const VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// The same vowels as capitals.
pub const CAPITAL_VOWELS: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// The one consonant beyond ASCII, small and capital.
pub const D: [char; 2] = ['đ', 'Đ'];

/// TCVN3: the byte of each of `VOWELS` (ASCII for a vowel without any mark).
pub const TCVN3_VOWELS: [[u8; 6]; 12] = [
    [b'a', 0xB5, 0xB8, 0xB6, 0xB7, 0xB9],
    [0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6],
    [0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB],
    [b'e', 0xCC, 0xD0, 0xCE, 0xCF, 0xD1],
    [0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6],
    [b'i', 0xD7, 0xDD, 0xD8, 0xDC, 0xDE],
    [b'o', 0xDF, 0xE3, 0xE1, 0xE2, 0xE4],
    [0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9],
    [0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE],
    [b'u', 0xEF, 0xF3, 0xF1, 0xF2, 0xF4],
    [0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9],
    [b'y', 0xFA, 0xFD, 0xFB, 0xFC, 0xFE],
];

/// TCVN3: đ.
pub const TCVN3_D: u8 = 0xAE;

/// TCVN3: its only capitals beyond ASCII (none has a tone mark).
pub const TCVN3_CAPITALS: [(char, u8); 7] = [
    ('Ă', 0xA1),
    ('Â', 0xA2),
    ('Ê', 0xA3),
    ('Ô', 0xA4),
    ('Ơ', 0xA5),
    ('Ư', 0xA6),
    ('Đ', 0xA7),
];

/// VNI-Windows: how each of `VOWELS` is typed, as the Windows-1252 characters of its bytes: a
/// base letter and a mark byte after it, or one byte (ơ, ư, the i's with a tone, ỵ).
pub const VNI_VOWELS: [[&str; 6]; 12] = [
    ["a", "aø", "aù", "aû", "aõ", "aï"],
    ["aê", "aè", "aé", "aú", "aü", "aë"],
    ["aâ", "aà", "aá", "aå", "aã", "aä"],
    ["e", "eø", "eù", "eû", "eõ", "eï"],
    ["eâ", "eà", "eá", "eå", "eã", "eä"],
    ["i", "ì", "í", "æ", "ó", "ò"],
    ["o", "oø", "où", "oû", "oõ", "oï"],
    ["oâ", "oà", "oá", "oå", "oã", "oä"],
    ["ô", "ôø", "ôù", "ôû", "ôõ", "ôï"],
    ["u", "uø", "uù", "uû", "uõ", "uï"],
    ["ö", "öø", "öù", "öû", "öõ", "öï"],
    ["y", "yø", "yù", "yû", "yõ", "î"],
];

/// VNI-Windows: `CAPITAL_VOWELS`, with the capital form of each mark byte.
pub const VNI_CAPITAL_VOWELS: [[&str; 6]; 12] = [
    ["A", "AØ", "AÙ", "AÛ", "AÕ", "AÏ"],
    ["AÊ", "AÈ", "AÉ", "AÚ", "AÜ", "AË"],
    ["AÂ", "AÀ", "AÁ", "AÅ", "AÃ", "AÄ"],
    ["E", "EØ", "EÙ", "EÛ", "EÕ", "EÏ"],
    ["EÂ", "EÀ", "EÁ", "EÅ", "EÃ", "EÄ"],
    ["I", "Ì", "Í", "Æ", "Ó", "Ò"],
    ["O", "OØ", "OÙ", "OÛ", "OÕ", "OÏ"],
    ["OÂ", "OÀ", "OÁ", "OÅ", "OÃ", "OÄ"],
    ["Ô", "ÔØ", "ÔÙ", "ÔÛ", "ÔÕ", "ÔÏ"],
    ["U", "UØ", "UÙ", "UÛ", "UÕ", "UÏ"],
    ["Ö", "ÖØ", "ÖÙ", "ÖÛ", "ÖÕ", "ÖÏ"],
    ["Y", "YØ", "YÙ", "YÛ", "YÕ", "Î"],
];

/// VNI-Windows: đ and Đ.
pub const VNI_D: [&str; 2] = ["ñ", "Ñ"];

/// Windows-1252's characters for the bytes 0x80–0x9F (the rest is Latin-1); its five undefined
/// bytes as the C1 controls of the same number, as browsers read them.
pub const WINDOWS_1252_80: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Windows-1258's characters for the bytes 0x80–0xFF: five of Vietnamese's tone marks are
/// combining characters (0xCC grave, 0xD2 hook above, 0xDE tilde, 0xEC acute, 0xF2 dot below)
/// written after their letter; undefined bytes as C1 controls.
pub const WINDOWS_1258_80: [char; 128] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', '\u{8A}', '‹', 'Œ', '\u{8D}', '\u{8E}',
    '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', '\u{9A}', '›', 'œ', '\u{9D}',
    '\u{9E}', 'Ÿ', '\u{A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{AD}',
    '®', '¯', '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿', 'À',
    'Á', 'Â', 'Ă', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', '\u{300}', 'Í', 'Î', 'Ï', 'Đ', 'Ñ',
    '\u{309}', 'Ó', 'Ô', 'Ơ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ư', '\u{303}', 'ß', 'à', 'á',
    'â', 'ă', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', '\u{301}', 'í', 'î', 'ï', 'đ', 'ñ',
    '\u{323}', 'ó', 'ô', 'ơ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ư', '₫', 'ÿ',
];

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_80[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn windows_1258(byte: u8) -> char {
    match byte {
        0x80..=0xFF => WINDOWS_1258_80[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The byte whose Windows-1252 character (or C1 control) `c` is.
fn glyph_byte(c: char) -> Option<u8> {
    u8::try_from(u32::from(c)).ok().or_else(|| {
        WINDOWS_1252_80
            .iter()
            .position(|&w| w == c)
            .map(|i| 0x80 + i as u8)
    })
}

/// The lookups built from the tables above, once.
struct Tables {
    /// Each Vietnamese letter (and ASCII letter): its vowel row (`None` for a consonant), its
    /// tone (0 for none) and whether it is a capital.
    letters: HashMap<char, Letter>,
    common: std::collections::HashSet<&'static str>,
    tcvn3: [Option<char>; 256],
    /// VNI: a base byte and a mark byte; a letter of one byte beyond ASCII.
    vni_pairs: HashMap<(u8, u8), char>,
    vni_single: [Option<char>; 256],
}

#[derive(Clone, Copy)]
struct Letter {
    /// The letter without tone mark, in lower case.
    base: char,
    tone: usize,
    capital: bool,
    /// The letter in lower case.
    small: char,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut letters = HashMap::new();
        for c in 'a'..='z' {
            let letter = |capital| Letter {
                base: c,
                tone: 0,
                capital,
                small: c,
            };
            letters.insert(c, letter(false));
            letters.insert(c.to_ascii_uppercase(), letter(true));
        }
        let mut tcvn3 = [None; 256];
        let mut vni_pairs = HashMap::new();
        let mut vni_single = [None; 256];
        let mut vni = |typed: &str, letter: char| {
            let bytes: Vec<u8> = typed.chars().filter_map(glyph_byte).collect();
            match bytes[..] {
                [base, mark] => drop(vni_pairs.insert((base, mark), letter)),
                [byte] if !byte.is_ascii() => vni_single[byte as usize] = Some(letter),
                _ => {}
            }
        };
        for row in 0..12 {
            for tone in 0..6 {
                let base = VOWELS[row][0];
                let (small, capital) = (VOWELS[row][tone], CAPITAL_VOWELS[row][tone]);
                letters.insert(
                    small,
                    Letter {
                        base,
                        tone,
                        capital: false,
                        small,
                    },
                );
                letters.insert(
                    capital,
                    Letter {
                        base,
                        tone,
                        capital: true,
                        small,
                    },
                );
                let byte = TCVN3_VOWELS[row][tone];
                if !byte.is_ascii() {
                    tcvn3[byte as usize] = Some(small);
                }
                vni(VNI_VOWELS[row][tone], small);
                vni(VNI_CAPITAL_VOWELS[row][tone], capital);
            }
        }
        for (i, d) in D.into_iter().enumerate() {
            letters.insert(
                d,
                Letter {
                    base: D[0],
                    tone: 0,
                    capital: i == 1,
                    small: D[0],
                },
            );
            vni(VNI_D[i], d);
        }
        tcvn3[TCVN3_D as usize] = Some(D[0]);
        for (capital, byte) in TCVN3_CAPITALS {
            tcvn3[byte as usize] = Some(capital);
        }
        Tables {
            letters,
            common: COMMON.into_iter().collect(),
            tcvn3,
            vni_pairs,
            vni_single,
        }
    })
}

/// Whether `c` ends a word: white space, ASCII punctuation and digits, and the general
/// punctuation block (dashes, quotes, ellipsis). Latin-1's symbols are TCVN3's letters and stay
/// inside words.
fn ends_word(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Capitals in TCVN3 text: in a word in capitals (a capital after its first letter, and no
/// ASCII small letter), small Vietnamese letters (a capital font drew them as capitals) become
/// capitals.
fn tcvn3_capitals(text: &str) -> String {
    let letters = &tables().letters;
    let is_capital = |c: &char| letters.get(c).is_some_and(|l| l.capital);
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(ends_word) {
        let in_capitals = word.chars().skip(1).any(|c| is_capital(&c))
            && !word.chars().any(|c| c.is_ascii_lowercase());
        if !in_capitals {
            out.push_str(word);
            continue;
        }
        out.extend(word.chars().map(|c| match letters.get(&c) {
            Some(l) if !l.capital && !c.is_ascii() => capital_of(c),
            _ => c,
        }));
    }
    out
}

/// The capital of a Vietnamese letter beyond ASCII.
fn capital_of(c: char) -> char {
    if c == D[0] {
        return D[1];
    }
    VOWELS
        .iter()
        .zip(&CAPITAL_VOWELS)
        .find_map(|(small, capital)| small.iter().position(|&s| s == c).map(|i| capital[i]))
        .unwrap_or(c)
}

/// Initial consonants, longest first.
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
/// Final consonants; -k is the spelling of place names in the Central Highlands (Đắk Lắk).
const CODAS: [&str; 9] = ["c", "ch", "k", "m", "n", "ng", "nh", "p", "t"];
/// Groups of vowels that end a syllable or take a final consonant.
const NUCLEI_EITHER: [&str; 15] = [
    "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy", "uơ",
];
/// … that need a final consonant.
const NUCLEI_CLOSED: [&str; 10] = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"];
/// … that end in a glide (or are ia, ua, ưa, uya) and take none.
const NUCLEI_OPEN: [&str; 30] = [
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
    "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu",
];
/// The groups of vowels that -ch and -nh follow.
const BEFORE_CH_NH: [&str; 6] = ["a", "ê", "i", "oa", "uê", "uy"];
/// Syllables beyond ASCII among the commonest of the committees' reports and of the provinces'
/// names: they tell apart readings that both give syllables ("Sơn" in VNI, "Sôn" read as
/// Windows-1258).
const COMMON: [&str; 118] = [
    "của",
    "và",
    "các",
    "được",
    "năm",
    "tỉnh",
    "công",
    "người",
    "đã",
    "có",
    "những",
    "với",
    "để",
    "này",
    "là",
    "một",
    "không",
    "hành",
    "chính",
    "cải",
    "cách",
    "chỉ",
    "số",
    "điểm",
    "xếp",
    "hạng",
    "đơn",
    "vị",
    "huyện",
    "xã",
    "phường",
    "thành",
    "phố",
    "sở",
    "nhân",
    "dân",
    "ủy",
    "quản",
    "lý",
    "kết",
    "quả",
    "thực",
    "hiện",
    "nhiệm",
    "vụ",
    "năng",
    "lực",
    "cạnh",
    "hài",
    "lòng",
    "dịch",
    "phục",
    "tổng",
    "đạt",
    "giảm",
    "tăng",
    "bậc",
    "đến",
    "từ",
    "về",
    "việc",
    "cấp",
    "hội",
    "nghị",
    "đồng",
    "chí",
    "chủ",
    "tịch",
    "phó",
    "trưởng",
    "đạo",
    "kế",
    "hoạch",
    "đầu",
    "tư",
    "nội",
    "tài",
    "môi",
    "trường",
    "giáo",
    "dục",
    "tế",
    "vận",
    "tải",
    "xây",
    "dựng",
    "văn",
    "hóa",
    "thể",
    "lịch",
    "pháp",
    "học",
    "nghệ",
    "nông",
    "nghiệp",
    "phát",
    "triển",
    "sơn",
    "hà",
    "hồ",
    "đà",
    "nẵng",
    "hải",
    "phòng",
    "cần",
    "thơ",
    "huế",
    "lào",
    "điện",
    "châu",
    "bắc",
    "quảng",
    "bình",
    "định",
    "phú",
    "yên",
    "khánh",
    "hòa",
];

/// The acute and dot-below tones: the only ones a syllable ending in a stop (-c, -ch, -k, -p,
/// -t) takes.
const STOP_TONES: [usize; 2] = [2, 5];

/// What a word beyond ASCII counts towards `score`: 2 for a syllable among the commonest, 1
/// for another Vietnamese syllable, −1 for anything else.
fn points(word: &str) -> i64 {
    let tables = tables();
    let mut bases = String::with_capacity(word.len());
    let mut small = String::with_capacity(word.len());
    let mut tone = 0;
    for c in word.chars() {
        let Some(letter) = tables.letters.get(&c) else {
            return -1;
        };
        if letter.tone != 0 {
            if tone != 0 {
                return -1;
            }
            tone = letter.tone;
        }
        bases.push(letter.base);
        small.push(letter.small);
    }
    let rhyme = |rest: &str| {
        let vowels_end = rest
            .char_indices()
            .find(|(_, c)| !VOWELS.iter().any(|row| row[0] == *c))
            .map_or(rest.len(), |(i, _)| i);
        let (nucleus, coda) = rest.split_at(vowels_end);
        if coda.is_empty() {
            NUCLEI_EITHER.contains(&nucleus) || NUCLEI_OPEN.contains(&nucleus)
        } else {
            CODAS.contains(&coda)
                && (NUCLEI_EITHER.contains(&nucleus) || NUCLEI_CLOSED.contains(&nucleus))
                && (!matches!(coda, "c" | "ch" | "k" | "p" | "t") || STOP_TONES.contains(&tone))
                && (!matches!(coda, "ch" | "nh") || BEFORE_CH_NH.contains(&nucleus))
        }
    };
    let syllable = rhyme(&bases)
        || ONSETS
            .iter()
            .any(|onset| bases.strip_prefix(onset).is_some_and(&rhyme));
    match syllable {
        true if tables.common.contains(small.as_str()) => 2,
        true => 1,
        false => -1,
    }
}

/// How Vietnamese `text` reads: the `points` of each word with a letter beyond ASCII.
pub fn score(text: &str) -> i64 {
    text.split(ends_word)
        .filter(|w| !w.is_ascii())
        .map(points)
        .sum()
}

/// Bytes that are not UTF-8, in the legacy encoding that reads most Vietnamese (ties go to the
/// first of `LegacyEncoding::ALL`), with that encoding; `None` when no reading holds more
/// Vietnamese words than other words beyond ASCII.
pub fn decode(bytes: &[u8]) -> Option<(String, LegacyEncoding)> {
    let mut best: Option<(i64, String, LegacyEncoding)> = None;
    for encoding in LegacyEncoding::ALL {
        let text = encoding.decode(bytes);
        let points = score(&text);
        if best.as_ref().is_none_or(|(top, ..)| points > *top) {
            best = Some((points, text, encoding));
        }
    }
    best.filter(|(points, ..)| *points > 0)
        .map(|(_, text, encoding)| (text, encoding))
}

/// The pieces of a text that are decided on their own: up to and including each field or line
/// separator (`,` `;` tab, CR, LF, `"`), none of which any legacy code uses inside a letter.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive([',', ';', '\t', '\r', '\n', '"'])
}

/// The conversion of a piece, if it reads strictly more Vietnamese than the piece.
fn converted_piece(piece: &str, encoding: LegacyEncoding) -> Option<String> {
    if piece.is_ascii() {
        return None;
    }
    let converted = encoding.from_glyphs(piece)?;
    (score(&converted) > score(piece)).then_some(converted)
}

/// One decision for a set of texts (the cells of a sheet, a file's text): the encoding whose
/// glyphs they are, if any. Each encoding is credited with what its conversion gains over all
/// the pieces that could be glyphs (less what it would lose elsewhere) and debited with the
/// Vietnamese words of pieces that are Unicode beyond Windows-1252; the best credit above zero
/// wins (ties go to the first of `LegacyEncoding::ALL`). Plain ASCII decides nothing.
pub fn decide<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<LegacyEncoding> {
    let mut credit = [0i64; 3];
    for piece in texts.into_iter().flat_map(pieces) {
        if piece.is_ascii() {
            continue;
        }
        let own = score(piece);
        for (i, encoding) in LegacyEncoding::ALL.into_iter().enumerate() {
            credit[i] += match encoding.from_glyphs(piece) {
                Some(converted) => score(&converted) - own,
                None => -own.max(0),
            };
        }
    }
    let (best, points) =
        credit.iter().enumerate().fold(
            (0, i64::MIN),
            |top, (i, &p)| if p > top.1 { (i, p) } else { top },
        );
    (points > 0).then_some(LegacyEncoding::ALL[best])
}

/// `text` converted from `encoding`'s glyphs, piece by piece (see `pieces`): each piece that
/// reads strictly more Vietnamese once converted; `None` when no piece does.
pub fn convert(text: &str, encoding: LegacyEncoding) -> Option<String> {
    let mut changed = false;
    let out: String = pieces(text)
        .map(|piece| match converted_piece(piece, encoding) {
            Some(converted) => {
                changed = true;
                converted
            }
            None => piece.to_string(),
        })
        .collect();
    changed.then_some(out)
}

/// One text typed in a TCVN3 or VNI font (or Windows-1258 read as Windows-1252), converted to
/// Unicode, with the encoding it was in; `None` for plain ASCII, for Unicode Vietnamese and for
/// any text that does not read more Vietnamese converted. Several texts of one sheet or file:
/// `decide` once, then `convert` each.
pub fn convert_text(text: &str) -> Option<(String, LegacyEncoding)> {
    let encoding = decide([text])?;
    convert(text, encoding).map(|converted| (converted, encoding))
}

//! Text helpers: diacritic-insensitive matching of Vietnamese names, and escaping.

/// Decomposed (NFD), lower-cased and without combining marks: the base letters. In the browser
/// its own `String.prototype` methods and a `\p{M}` pattern do it, so neither the Unicode
/// decomposition, case nor mark tables are shipped in the wasm (about 40 KB); natively the
/// crate and `char::to_lowercase` do it.
#[cfg(target_arch = "wasm32")]
fn base_letters(text: &str) -> String {
    thread_local! {
        static MARKS: js_sys::RegExp = js_sys::RegExp::new(r"\p{M}", "gu");
    }
    let decomposed = js_sys::JsString::from(text)
        .normalize("NFD")
        .to_lower_case();
    MARKS.with(|marks| String::from(decomposed.replace_by_pattern(marks, "")))
}

#[cfg(not(target_arch = "wasm32"))]
fn base_letters(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Canonical composition (NFC), so that text typed or exported in either form compares equal.
/// ASCII is already NFC and skips the work.
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(text).normalize("NFC"));
    #[cfg(not(target_arch = "wasm32"))]
    {
        use unicode_normalization::UnicodeNormalization;
        text.nfc().collect()
    }
}

/// Lower-case, without diacritics, `đ` as `d`, runs of white space as one space.
/// "SƠN LA", "Sơn La" (NFC or NFD) and "son  la" all fold to "son la".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in base_letters(text).chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(if c == 'đ' { 'd' } else { c });
    }
    out
}

thread_local! {
    static FOLDED_NAMES: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// `fold` of a name from the dataset, remembered: in the browser a fold is several calls into
/// JavaScript, and every query folds the same few dozen province and region names again.
/// Only for the dataset's own names (a finite set), never for what the user types.
pub fn fold_name(name: &str) -> String {
    FOLDED_NAMES.with(|names| {
        if let Some(folded) = names.borrow().get(name) {
            return folded.clone();
        }
        let folded = fold(name);
        names.borrow_mut().insert(name.to_string(), folded.clone());
        folded
    })
}

/// True when the folded `query` occurs in any of the `candidates` (names from the dataset),
/// folded; an empty query matches.
pub fn matches(query_folded: &str, candidates: &[&str]) -> bool {
    query_folded.is_empty()
        || candidates
            .iter()
            .any(|c| fold_name(c).contains(query_folded))
}

/// A plain decimal number ("12", "-0.5", ".5", "1e3"), read exactly as Rust's `f64::from_str`
/// reads it; `None` for anything else (including "inf" and "NaN"). Numbers of up to 15 digits
/// with a small exponent (every score in practice) are converted here exactly (an integer below
/// 2^53 times or divided by an exact power of ten is one correctly rounded operation); the rest
/// natively by Rust and in the browser by JavaScript, both correctly rounded, so that Rust's
/// general conversion and its tables are not shipped in the wasm.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let decimal = scan_decimal(text)?;
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let exact = decimal
        .significand
        .filter(|&s| s < 1 << 53)
        .zip(POWERS.get(decimal.exponent.unsigned_abs() as usize));
    if let Some((significand, &power)) = exact {
        let magnitude = if decimal.exponent >= 0 {
            significand as f64 * power
        } else {
            significand as f64 / power
        };
        return Some(if decimal.negative {
            -magnitude
        } else {
            magnitude
        });
    }
    #[cfg(target_arch = "wasm32")]
    return Some(js_sys::Number::parse_float(text));
    #[cfg(not(target_arch = "wasm32"))]
    text.parse().ok()
}

/// A decimal number as written: its digits as an integer (`None` when they do not fit in a
/// `u64`) and the power of ten to apply.
struct Decimal {
    negative: bool,
    significand: Option<u64>,
    exponent: i32,
}

/// Reads `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`, nothing else.
fn scan_decimal(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let mut significand = Some(0u64);
    // Reads a run of digits into `value` (`None` once it overflows); returns how many.
    let digits = |at: &mut usize, value: &mut Option<u64>| {
        let start = *at;
        while let Some(&d) = bytes.get(*at).filter(|b| b.is_ascii_digit()) {
            *value = value
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(u64::from(d - b'0')));
            *at += 1;
        }
        *at - start
    };
    let whole = digits(&mut at, &mut significand);
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        fraction = digits(&mut at, &mut significand);
    }
    if whole + fraction == 0 {
        return None;
    }
    let mut exponent: i32 = 0;
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        let exponent_negative = bytes.get(at) == Some(&b'-');
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let mut value = Some(0);
        if digits(&mut at, &mut value) == 0 {
            return None;
        }
        // An exponent too long for an i32 is beyond any exact power: the general conversion reads it.
        let value = value
            .and_then(|v| i32::try_from(v).ok())
            .unwrap_or(i32::MAX / 2);
        exponent = if exponent_negative { -value } else { value };
    }
    (at == bytes.len()).then_some(Decimal {
        negative,
        significand,
        exponent: exponent - i32::try_from(fraction).unwrap_or(i32::MAX / 2),
    })
}

/// Escapes text for use inside XML/SVG/HTML content or a double-quoted attribute.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn decimals_are_read_as_rust_reads_them() {
        for text in ["12", "-0.5", "+.5", "5.", "1e3", "2.5E-2", "007"] {
            assert_eq!(parse_decimal(text), text.parse().ok(), "{text}");
        }
        for text in [
            "", ".", "-", "1e", "1e+", "1.2.3", "1,5", " 1", "inf", "NaN", "0x10", "1_000",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_decimal_grammar_is_rusts(text in "[0-9+.eE-]{0,8}") {
            proptest::prop_assert_eq!(parse_decimal(&text), text.parse::<f64>().ok());
        }

        #[test]
        fn decimals_convert_as_rust_converts_them(text in "-?[0-9]{0,17}\\.?[0-9]{1,17}(e-?[0-9]{1,3})?") {
            proptest::prop_assert_eq!(parse_decimal(&text).map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits));
        }
    }

    #[test]
    fn folds_case_diacritics_and_d() {
        assert_eq!(fold("Sơn La"), "son la");
        assert_eq!(fold("SƠN LA"), "son la");
        assert_eq!(fold("  son   la "), "son la");
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        assert_eq!(fold("Bà Rịa - Vũng Tàu"), "ba ria - vung tau");
    }

    #[test]
    fn nfc_and_nfd_fold_alike() {
        let nfc: String = "Hòa Bình".nfc().collect();
        let nfd: String = "Hòa Bình".nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfc), fold(&nfd));
    }

    #[test]
    fn matching() {
        assert!(matches(&fold("son la"), &["Sơn La"]));
        assert!(matches(&fold("SƠN"), &["Sơn La"]));
        assert!(!matches(&fold("son la"), &["Lạng Sơn"]));
        assert!(matches("", &["anything"]));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape_xml("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}

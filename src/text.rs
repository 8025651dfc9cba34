//! Text helpers: diacritic-insensitive matching of Vietnamese names, and escaping.

use unicode_normalization::char::is_combining_mark;

/// Canonical decomposition (NFD). In the browser, its own `String.prototype.normalize` does it,
/// so the decomposition tables are not shipped in the wasm; natively the crate does it.
#[cfg(target_arch = "wasm32")]
fn nfd(text: &str) -> String {
    String::from(js_sys::JsString::from(text).normalize("NFD"))
}

#[cfg(not(target_arch = "wasm32"))]
fn nfd(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
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
    for c in nfd(text).chars().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when the folded `query` occurs in any of the folded `candidates`; an empty query matches.
pub fn matches(query_folded: &str, candidates: &[&str]) -> bool {
    query_folded.is_empty() || candidates.iter().any(|c| fold(c).contains(query_folded))
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

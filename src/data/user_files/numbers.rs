//! Numbers as Vietnamese files write them: "9,31" and "1.234,5" (decimal comma, dots between
//! thousands), "92,77%", or a decimal point ("9.31", "1,234.5"); "-", "—", "x" and an empty cell
//! mean missing, never zero. A file's decimal mark is found from its cells and stated.

use crate::i18n::Lang;

/// The mark between a number's whole part and its decimals in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    /// "9,31", with dots between thousands ("1.234,5"): Vietnamese usage and Excel in a
    /// Vietnamese locale.
    Comma,
    /// "9.31", with commas between thousands ("1,234.5").
    Point,
}

impl Decimal {
    pub fn key(self) -> &'static str {
        match self {
            Decimal::Comma => "comma",
            Decimal::Point => "point",
        }
    }

    pub fn from_key(key: &str) -> Option<Decimal> {
        [Decimal::Comma, Decimal::Point]
            .into_iter()
            .find(|d| d.key() == key)
    }

    /// The mark in words, for the mapping step ("decimal mark: comma (9,31)").
    pub fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Decimal::Comma, Lang::Vi) => "dấu thập phân: dấu phẩy (9,31)",
            (Decimal::Comma, Lang::En) => "decimal mark: comma (9,31)",
            (Decimal::Point, Lang::Vi) => "dấu thập phân: dấu chấm (9.31)",
            (Decimal::Point, Lang::En) => "decimal mark: point (9.31)",
        }
    }

    fn marks(self) -> (char, char) {
        match self {
            Decimal::Comma => (',', '.'),
            Decimal::Point => ('.', ','),
        }
    }
}

/// What a cell holds, read as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    /// Empty, or a mark that says no figure ("-", "—", "x").
    Missing,
    Number(f64),
    /// Text that is not a number in the file's usage.
    NotANumber,
}

/// Whether a cell's text says "no figure".
pub fn is_missing_mark(text: &str) -> bool {
    matches!(
        text.trim(),
        "" | "-" | "—" | "–" | "x" | "X" | "..." | "…" | "n/a" | "N/A"
    )
}

/// Reads a cell's text as a number in the file's usage: spaces (also no-break) are dropped, a
/// trailing "%" is dropped (the figure is already in percent), and thousands marks are taken
/// only where they group digits by three.
pub fn read(text: &str, decimal: Decimal) -> Reading {
    if is_missing_mark(text) {
        return Reading::Missing;
    }
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{00A0}' && *c != '\u{202F}')
        .collect();
    let body = squeezed.strip_suffix('%').unwrap_or(&squeezed);
    let (point, group) = decimal.marks();
    let (sign, unsigned) = match body.strip_prefix('-').or_else(|| body.strip_prefix('−')) {
        Some(rest) => ("-", rest),
        None => ("", body.strip_prefix('+').unwrap_or(body)),
    };
    let (whole, fraction) = match unsigned.split_once(point) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let Some(whole) = ungrouped(whole, group) else {
        return Reading::NotANumber;
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let plain = match fraction {
        Some(f) if !digits(f) || (f.is_empty() && whole.is_empty()) => return Reading::NotANumber,
        Some(f) => format!("{sign}{whole}.{f}"),
        None if whole.is_empty() => return Reading::NotANumber,
        None => format!("{sign}{whole}"),
    };
    match crate::text::parse_decimal(&plain) {
        Some(v) if v.is_finite() => Reading::Number(v),
        _ => Reading::NotANumber,
    }
}

/// The digits of a whole part with its thousands marks taken out, if they group by three
/// ("1.234.567"); `None` when marks stand elsewhere or a character is not a digit.
fn ungrouped(whole: &str, group: char) -> Option<String> {
    let parts: Vec<&str> = whole.split(group).collect();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let grouped = parts.len() == 1
        || (!parts[0].is_empty() && parts[0].len() <= 3 && parts[1..].iter().all(|p| p.len() == 3));
    (grouped && parts.iter().all(|p| digits(p))).then(|| parts.concat())
}

/// The decimal mark of a file from its cells' text: a comma followed by other than three digits
/// ("9,31"), or after the last dot ("1.234,5"), is a decimal comma; likewise for a point. Where
/// the cells do not tell ("1.234" only, or whole numbers), `otherwise`.
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>, otherwise: Decimal) -> Decimal {
    let (mut comma, mut point) = (0usize, 0usize);
    for text in texts {
        let text = text.trim().trim_end_matches('%');
        let last_comma = text.rfind(',');
        let last_point = text.rfind('.');
        let decimals_after = |at: usize| {
            let rest = &text[at + 1..];
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) && rest.len() != 3
        };
        let numeric = text
            .bytes()
            .all(|b| b.is_ascii_digit() || b",.-+ ".contains(&b))
            && text.bytes().any(|b| b.is_ascii_digit());
        if !numeric {
            continue;
        }
        match (last_comma, last_point) {
            (Some(c), Some(p)) if c > p => comma += 1,
            (Some(_), Some(_)) => point += 1,
            (Some(c), None) if decimals_after(c) => comma += 1,
            (None, Some(p)) if decimals_after(p) => point += 1,
            _ => {}
        }
    }
    match comma.cmp(&point) {
        std::cmp::Ordering::Greater => Decimal::Comma,
        std::cmp::Ordering::Less => Decimal::Point,
        std::cmp::Ordering::Equal => otherwise,
    }
}

//! Folds text for matching (lowercase ASCII transliteration) while keeping
//! a map back to the original bytes; display always uses the original.

/// Folded text and, for each folded byte, the original byte offset
/// (with one extra entry for the end).
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        let piece: String = if c.is_ascii() {
            c.to_ascii_lowercase().to_string()
        } else if matches!(c, '’' | '‘' | 'ʼ') {
            "'".to_string()
        } else if matches!(c, '–' | '—' | '‐' | '‑') {
            "-".to_string()
        } else {
            match deunicode::deunicode_char(c) {
                Some(s) if !s.is_empty() => s.to_ascii_lowercase(),
                _ => " ".to_string(),
            }
        };
        for _ in 0..piece.len() {
            map.push(i);
        }
        out.push_str(&piece);
    }
    map.push(text.len());
    (out, map)
}

/// A folded key for comparing names ("Türkiye" = "turkiye").
pub fn key(name: &str) -> String {
    fold(name)
        .0
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_offsets() {
        let (f, map) = fold("Türkiye’s");
        assert_eq!(f, "turkiye's");
        assert_eq!(map[7], "Türkiye".len());
        assert_eq!(key("  Ceyhun   BAYRAMOV "), "ceyhun bayramov");
    }
}

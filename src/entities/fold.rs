//! Folds text for matching (lowercase ASCII transliteration) while keeping
//! a map back to the original bytes; display always uses the original.

/// Folded text and, for each folded byte, the original byte offset
/// (with one extra entry for the end).
pub fn fold(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let push = |out: &mut String, map: &mut Vec<usize>, piece: &str, i: usize| {
        map.extend(std::iter::repeat_n(i, piece.len()));
        out.push_str(piece);
    };
    for (i, c) in text.char_indices() {
        // Most text is ASCII: one byte in, one byte out, nothing allocated.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            map.push(i);
        } else if matches!(c, '’' | '‘' | 'ʼ') {
            push(&mut out, &mut map, "'", i);
        } else if matches!(c, '–' | '—' | '‐' | '‑') {
            push(&mut out, &mut map, "-", i);
        } else {
            match deunicode::deunicode_char(c) {
                Some(s) if !s.is_empty() => push(&mut out, &mut map, &s.to_ascii_lowercase(), i),
                _ => push(&mut out, &mut map, " ", i),
            }
        }
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

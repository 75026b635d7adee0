//! Integer feature keys: string hashing, key mixing and the lexical
//! attributes (lower form, shape, affixes) computed once per token, so that
//! no feature ever allocates a String.

/// A fixed-seed 64-bit hash of a byte string (FxHash-style multiply-rotate
/// per 8-byte word, finalized with a murmur mix). Deterministic across runs.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    fmix(h)
}

pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Murmur3's 64-bit finalizer.
#[inline]
pub fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Key of a template with one value.
#[inline]
pub fn key1(t: u32, a: u64) -> u64 {
    mix(
        u64::from(t).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d,
        a,
    )
}

#[inline]
pub fn key2(t: u32, a: u64, b: u64) -> u64 {
    mix(key1(t, a), b)
}

#[inline]
pub fn key3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    mix(key2(t, a, b), c)
}

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^ (x >> 29) ^ h.rotate_left(23)
}

/// What a tagger or parser feature may read about a word, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    /// Hash of the lowercased form (or of the value placeholder).
    pub lower: u64,
    /// Hash of the form's shape ("Xxxx", "dd.d", ...).
    pub shape: u64,
    pub prefix1: u64,
    pub suffix1: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    /// Bit flags: 1 initial capital, 2 all caps, 4 has digit, 8 has hyphen,
    /// 16 value placeholder.
    pub flags: u64,
}

pub const FLAG_CAP: u64 = 1;
pub const FLAG_ALLCAPS: u64 = 2;
pub const FLAG_DIGIT: u64 = 4;
pub const FLAG_HYPHEN: u64 = 8;
pub const FLAG_VALUE: u64 = 16;

impl Lex {
    /// Attributes of a form; `placeholder` is set for a value token, whose
    /// features see its kind ("<money>") instead of its digits.
    pub fn new(form: &str, placeholder: Option<&str>) -> Lex {
        // A value of one plain word ("doubled", "March") keeps its word
        // features; digits, symbols and phrases become the placeholder.
        let placeholder = placeholder.filter(|_| !form.chars().all(char::is_alphabetic));
        if let Some(p) = placeholder {
            let h = hash_str(p);
            return Lex {
                lower: h,
                shape: h,
                prefix1: h,
                suffix1: h,
                suffix2: h,
                suffix3: h,
                suffix4: h,
                flags: FLAG_VALUE,
            };
        }
        if form.is_ascii() && form.len() <= 64 {
            return Lex::ascii(form.as_bytes());
        }
        Lex::general(form)
    }

    fn general(form: &str) -> Lex {
        let mut lower = String::with_capacity(form.len());
        let mut flags = 0;
        let mut upper = 0usize;
        let mut letters = 0usize;
        for (i, c) in form.chars().enumerate() {
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    flags |= FLAG_CAP;
                }
            }
            if c.is_alphabetic() {
                letters += 1;
            }
            if c.is_ascii_digit() {
                flags |= FLAG_DIGIT;
            }
            if c == '-' {
                flags |= FLAG_HYPHEN;
            }
            lower.extend(c.to_lowercase());
        }
        if letters > 1 && upper == letters {
            flags |= FLAG_ALLCAPS;
        }
        let lw = normalize_digits(&lower);
        let chars: Vec<(usize, char)> = lw.char_indices().collect();
        let n = chars.len();
        let suffix = |k: usize| -> u64 {
            if n == 0 {
                return 0;
            }
            let from = if k >= n { 0 } else { chars[n - k].0 };
            hash_bytes(&lw.as_bytes()[from..]) ^ (k as u64)
        };
        let prefix1 = match chars.get(1) {
            Some(&(i, _)) => hash_bytes(&lw.as_bytes()[..i]),
            None => hash_str(&lw),
        };
        Lex {
            lower: hash_str(&lw),
            shape: hash_str(&shape(form)),
            prefix1,
            suffix1: suffix(1),
            suffix2: suffix(2),
            suffix3: suffix(3),
            suffix4: suffix(4),
            flags,
        }
    }
}

impl Lex {
    /// `new` for a short ASCII form, on the stack (the same values).
    fn ascii(form: &[u8]) -> Lex {
        let n = form.len();
        let mut lw = [0u8; 64];
        let mut sh = [0u8; 64];
        let mut sn = 0;
        let mut flags = 0;
        let (mut upper, mut letters) = (0, 0);
        let (mut last, mut run) = (0u8, 0);
        for (i, &c) in form.iter().enumerate() {
            let class = if c.is_ascii_uppercase() {
                upper += 1;
                letters += 1;
                if i == 0 {
                    flags |= FLAG_CAP;
                }
                b'X'
            } else if c.is_ascii_lowercase() {
                letters += 1;
                b'x'
            } else if c.is_ascii_digit() {
                flags |= FLAG_DIGIT;
                b'd'
            } else {
                if c == b'-' {
                    flags |= FLAG_HYPHEN;
                }
                c
            };
            lw[i] = if c.is_ascii_digit() {
                b'0'
            } else {
                c.to_ascii_lowercase()
            };
            if class == last {
                run += 1;
            } else {
                run = 0;
                last = class;
            }
            if run < 3 {
                sh[sn] = class;
                sn += 1;
            }
        }
        if letters > 1 && upper == letters {
            flags |= FLAG_ALLCAPS;
        }
        let lw = &lw[..n];
        let suffix = |k: usize| -> u64 {
            if n == 0 {
                return 0;
            }
            hash_bytes(&lw[n.saturating_sub(k)..]) ^ (k as u64)
        };
        Lex {
            lower: hash_bytes(lw),
            shape: hash_bytes(&sh[..sn]),
            prefix1: hash_bytes(&lw[..n.min(1)]),
            suffix1: suffix(1),
            suffix2: suffix(2),
            suffix3: suffix(3),
            suffix4: suffix(4),
            flags,
        }
    }
}

/// Digits become '0' in word features, so "1986" and "1987" share weights
/// while "1.5" and "1,500" keep their punctuation.
fn normalize_digits(s: &str) -> String {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    s.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// "Xxxx" for "Apple", "dd.d" for "12.5"; runs longer than 3 collapse.
pub fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 0;
            last = s;
        }
        if run < 3 {
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Apple"), "Xxxx");
        assert_eq!(shape("12.5"), "dd.d");
        assert_eq!(shape("U.S."), "X.X.");
    }

    #[test]
    fn the_ascii_path_agrees_with_the_general_one() {
        for f in [
            "Apple",
            "12.5",
            "U.S.",
            "non-stop",
            "IBM",
            "a",
            "x2",
            "$",
            "don't",
            "AAAAbbbb11",
        ] {
            let a = Lex::ascii(f.as_bytes());
            let g = Lex::general(f);
            assert_eq!(
                (a.lower, a.shape, a.prefix1, a.suffix3, a.flags),
                (g.lower, g.shape, g.prefix1, g.suffix3, g.flags),
                "{f}"
            );
        }
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(hash_str("abc"), hash_str("abc"));
        assert_ne!(hash_str("abc"), hash_str("abd"));
        assert_ne!(key2(1, 2, 3), key2(1, 3, 2));
    }
}

//! Maps positions in extracted article text back to the file as given, so
//! every piece of evidence can be cited as `path:line:column` of the source.

/// A run of extracted text copied from `src` onward in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    src: usize,
}

/// Text offsets to source offsets. Extracted text is built from runs copied
/// verbatim (offsets advance together) and from synthesized bytes (decoded
/// entities, paragraph breaks) that all map to the start of what they replace.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    identity: bool,
}

impl OffsetMap {
    pub fn identity() -> Self {
        OffsetMap {
            pieces: Vec::new(),
            identity: true,
        }
    }

    /// Records that text from `text` onward comes from `src` onward.
    pub fn push(&mut self, text: usize, src: usize) {
        if let Some(last) = self.pieces.last_mut() {
            if last.text == text {
                last.src = src;
                return;
            }
            if src >= last.src && src - last.src == text - last.text {
                return;
            }
        }
        self.pieces.push(Piece { text, src });
    }

    pub fn to_source(&self, text_offset: usize) -> usize {
        if self.identity {
            return text_offset;
        }
        let idx = self.pieces.partition_point(|p| p.text <= text_offset);
        if idx == 0 {
            return text_offset;
        }
        let piece = self.pieces[idx - 1];
        let mapped = piece.src + (text_offset - piece.text);
        match self.pieces.get(idx) {
            // A synthesized byte must not run past the source it stands for.
            Some(next) if mapped > next.src => piece.src,
            _ => mapped,
        }
    }
}

/// Byte offsets of line starts, for 1-based line and column lookups.
/// Columns count characters; a checkpoint every few KiB keeps a column on
/// a very long line from costing a walk from the line's start.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset on a char boundary, characters before it).
    checkpoints: Vec<(usize, usize)>,
    /// Lines before the source's first (an archived JSONL row keeps the
    /// line it had in its file).
    before: usize,
}

/// Bytes between checkpoints: a column costs at most this much counting.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(source: &str) -> Self {
        Self::starting_at(source, 1)
    }

    /// The lines of a source whose first line is line `first` of its file.
    pub fn starting_at(source: &str, first: usize) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        let mut next = CHECKPOINT;
        for (chars, (i, _)) in source.char_indices().enumerate() {
            if i >= next {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
        }
        LineIndex {
            starts,
            checkpoints,
            before: first.saturating_sub(1),
        }
    }

    /// Characters before a byte offset (rounded down to a char boundary).
    fn chars_before(&self, source: &str, offset: usize) -> usize {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (at, before) = self.checkpoints[k];
        before + source[at..offset].chars().count()
    }

    /// The 1-based line of a byte offset within the source.
    fn source_line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The 1-based line of a byte offset in its file, without counting its
    /// column.
    pub fn line_of(&self, offset: usize) -> usize {
        self.source_line(offset) + self.before
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.source_line(offset);
        let start = self.starts[line - 1];
        let column = self.chars_before(source, offset) - self.chars_before(source, start) + 1;
        (line + self.before, column)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text<'a>(&self, source: &'a str, line: usize) -> &'a str {
        let line = line.saturating_sub(self.before).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(source.len());
        let end = self
            .starts
            .get(line)
            .map_or(source.len(), |&e| e.saturating_sub(1));
        source
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }

    pub fn line_start(&self, line: usize) -> usize {
        let line = line.saturating_sub(self.before).max(1);
        self.starts.get(line - 1).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_runs_and_synthesized_bytes() {
        // source: "<p>A&amp;B</p>" text: "A&B"
        let mut map = OffsetMap::default();
        map.push(0, 3);
        map.push(1, 4); // "&" decoded from "&amp;"
        map.push(2, 9);
        assert_eq!(map.to_source(0), 3);
        assert_eq!(map.to_source(1), 4);
        assert_eq!(map.to_source(2), 9);
    }

    #[test]
    fn line_and_column_count_characters() {
        let src = "ab\n“cd” ef\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 1));
        let e = src.find("ef").unwrap();
        assert_eq!(idx.line_col(src, e), (2, 6));
        assert_eq!(idx.line_text(src, 2), "“cd” ef");
    }

    #[test]
    fn columns_past_checkpoints_count_characters() {
        let line = "é".repeat(3 * CHECKPOINT) + "x";
        let src = format!("a\n{line}\n");
        let idx = LineIndex::new(&src);
        let x = src.find('x').unwrap();
        assert_eq!(idx.line_col(&src, x), (2, 3 * CHECKPOINT + 1));
        assert_eq!(idx.line_of(x), 2);
    }

    #[test]
    fn a_source_can_start_further_down_its_file() {
        let src = "ab\ncd ef\n";
        let idx = LineIndex::starting_at(src, 40);
        assert_eq!(idx.line_col(src, src.find("ef").unwrap()), (41, 4));
        assert_eq!(idx.line_of(src.find("ef").unwrap()), 41);
        assert_eq!(idx.line_text(src, 41), "cd ef");
        assert_eq!(idx.line_start(41), 3);
    }
}

//! Errors the library reports; the binary decides what they mean for the
//! exit code.

use std::fmt;

/// A problem with one input, named by file and, where known, place.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.message),
            (Some(l), None) => write!(f, "{}:{}: {}", self.path, l, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// A problem with the rules or the command line: nothing can be checked.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("{path}: {message}")]
    Rules { path: String, message: String },
    #[error("{0}")]
    Usage(String),
}

/// Something the user should know about one input that was read anyway,
/// or passed over: never silent, and never a reason to stop the others.
/// The binary prints these to stderr; the exit code stays what the
/// findings make it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InputWarning {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub warning: Warning,
}

/// What a warning is about, with the values it names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Warning {
    /// Article files under a folder given, in hidden folders or hidden
    /// themselves, that were not read.
    HiddenSkipped { count: usize, examples: Vec<String> },
    /// An entry of a folder with an article's name that is no regular file.
    NotRegularFile { what: String },
    /// A symbolic link to a folder inside a folder given.
    SymlinkToFolder,
    /// A symbolic link with an article's name that points nowhere.
    BrokenSymlink,
    /// A publication date in the file's metadata that is no date.
    BadDate {
        field: String,
        value: String,
        reason: String,
    },
    /// Front matter that does not parse.
    BadFrontMatter { message: String },
    /// Sentences over the bound, split to keep reading linear.
    LongSentences {
        count: usize,
        longest: usize,
        bound: usize,
    },
    /// Lines ending in a lone carriage return.
    LoneCarriageReturns,
    /// A suppression comment that names no rule.
    UnknownRule { rule: String },
}

impl InputWarning {
    pub fn new(path: impl Into<String>, warning: Warning) -> Self {
        InputWarning {
            path: path.into(),
            line: None,
            column: None,
            warning,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::HiddenSkipped { count, examples } => {
                let more = if *count > examples.len() { ", …" } else { "" };
                write!(
                    f,
                    "{count} article file{} in hidden folders not read ({}{more}); name {} to read {}",
                    if *count == 1 { "" } else { "s" },
                    examples.join(", "),
                    if *count == 1 { "it" } else { "them" },
                    if *count == 1 { "it" } else { "them" },
                )
            }
            Warning::NotRegularFile { what } => write!(f, "not a regular file ({what}); not read"),
            Warning::SymlinkToFolder => write!(
                f,
                "a symbolic link to a folder; not followed (name the folder to read it)"
            ),
            Warning::BrokenSymlink => write!(f, "a symbolic link to nothing; not read"),
            Warning::BadDate {
                field,
                value,
                reason,
            } => write!(
                f,
                "{field} '{value}' is not a date ({reason}); ignored, so the publication date comes from the text"
            ),
            Warning::BadFrontMatter { message } => write!(
                f,
                "front matter is not valid TOML ({message}); its title and date are ignored"
            ),
            Warning::LongSentences {
                count,
                longest,
                bound,
            } => write!(
                f,
                "{count} sentence{} over {bound} bytes (the longest {longest}) cut at line breaks, semicolons or every {bound} bytes; values on either side of a cut are read apart",
                if *count == 1 { "" } else { "s" }
            ),
            Warning::LoneCarriageReturns => write!(
                f,
                "lines end in a lone carriage return (old Mac style); read as line breaks"
            ),
            Warning::UnknownRule { rule } => write!(
                f,
                "suppression comment names '{rule}', which is not a rule; it silences nothing (`claimcheck rules` lists them)"
            ),
        }
    }
}

impl fmt::Display for InputWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{}:{}: {}", self.path, l, c, self.warning),
            (Some(l), None) => write!(f, "{}:{}: {}", self.path, l, self.warning),
            _ => write!(f, "{}: {}", self.path, self.warning),
        }
    }
}

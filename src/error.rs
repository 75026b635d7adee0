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

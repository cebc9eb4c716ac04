use std::collections::HashMap;
use std::fmt;
use std::fs;

/// A post's front matter, as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub title: String,
    pub tags: Vec<String>,
    pub draft: bool,
}

#[derive(Debug)]
pub enum ParseError {
    Missing(&'static str),
    Io(std::io::Error),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Missing(key) => write!(f, "missing key: {}", key),
            ParseError::Io(e) => write!(f, "io: {e}"),
        }
    }
}

impl From<std::io::Error> for ParseError {
    fn from(e: std::io::Error) -> Self {
        ParseError::Io(e)
    }
}

pub fn parse(path: &str) -> Result<FrontMatter, ParseError> {
    let text = fs::read_to_string(path)?;
    let mut fields: HashMap<&str, &str> = HashMap::new();
    for line in text.lines().skip(1).take_while(|l| *l != "---") {
        if let Some((key, value)) = line.split_once(':') {
            fields.insert(key.trim(), value.trim());
        }
    }
    let title = fields.get("title").ok_or(ParseError::Missing("title"))?;
    let tags = fields
        .get("tags")
        .map(|t| t.split(',').map(|s| s.trim().to_owned()).collect())
        .unwrap_or_default();
    Ok(FrontMatter { title: title.to_string(), tags, draft: fields.contains_key("draft") })
}

fn main() {
    let limit: u32 = 0x10;
    match parse("content/posts/hello.md") {
        Ok(fm) if fm.tags.len() as u32 <= limit => println!("{:?}", fm),
        Ok(_) => eprintln!("too many tags"),
        Err(e) => panic!("failed: {}", e),
    }
    let ratio = 3.5_f64 * 2.0;
    let _ = (ratio, 'x', b'y', r"raw\n");
}

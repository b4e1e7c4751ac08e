//! A small JSON reader and writer for Tend's own records, export files and settings.
//!
//! Tend's data only holds strings, whole numbers, true/false, lists and objects, so this
//! is all it reads and writes: a number with a fraction or an exponent is refused, like
//! any other text that is not Tend's. Writing it by hand instead of using a general
//! serialisation framework keeps about a tenth of the app's download away (the
//! framework's generic code was compiled once per record type).
//!
//! serde's derive with serde_json, measured again once sections loaded apart (every
//! record moved over, this reader deleted; release build, brotli -q 11 of each file):
//! the first download grew by 11.1 KB (172,483 -> 183,562 bytes of main wasm), nearly
//! all of it serde_json's own parser, which stays in the first download because settings
//! are read at start; each section changed by -0.5 to +0.9 KB. The first download is
//! over its 120 KB budget already (about 152 KB), so that cost breaks the budget and the
//! records stay here.
//!
//! serde's derive over the browser's own JSON (serde-wasm-bindgen 0.6: `JSON.parse`, then
//! serde over the parsed value), measured for settings, the one record the first download
//! reads and saves (same envelope, same stored text, bad values still set aside; release
//! build, brotli -q 11): main wasm 103,794 -> 107,480 bytes, glue +133, so the first
//! download of `/` went from 117.4 to 121.1 KB, over its budget. Most of it is Rust's
//! number formatting, which serde's error messages pull in to name a wrong value (Tend
//! never shows them); a copy of serde-wasm-bindgen whose type errors say only what was
//! expected made the main wasm 2.2 KB smaller than with this reader, but that means
//! carrying a patched copy of the crate. Settings and records stay on this reader.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A parsed JSON value. Objects keep their fields in the order they were written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// Why a text is not JSON Tend can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset of the problem.
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

struct Reader<'a> {
    text: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail<T>(&self, what: &'static str) -> Result<T, ParseError> {
        Err(ParseError { at: self.at, what })
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.text.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn word(&mut self, word: &[u8], value: Json) -> Result<Json, ParseError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail("unexpected word")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("unexpected character"),
            None => self.fail("unexpected end"),
        }
    }

    fn list<T>(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<T, ParseError>,
    ) -> Result<Vec<T>, ParseError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(close) {
            return Ok(items);
        }
        loop {
            items.push(item(self)?);
            self.skip_space();
            if self.eat(close) {
                return Ok(items);
            }
            if !self.eat(b',') {
                return self.fail("expected a comma");
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.list(b'}', |r| {
            r.skip_space();
            if r.peek() != Some(b'"') {
                return r.fail("expected a name in quotes");
            }
            let key = r.string()?;
            r.skip_space();
            if !r.eat(b':') {
                return r.fail("expected a colon");
            }
            Ok((key, r.value(depth + 1)?))
        })
        .map(Json::Obj)
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        self.list(b']', |r| r.value(depth + 1)).map(Json::Arr)
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.at;
        self.eat(b'-');
        let digits = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let text = &self.text[digits..self.at];
        if text.is_empty() || (text.len() > 1 && text[0] == b'0') {
            return self.fail("not a number");
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return self.fail("not a whole number");
        }
        std::str::from_utf8(&self.text[start..self.at])
            .ok()
            .and_then(|t| t.parse().ok())
            .map(Json::Int)
            .map_or_else(|| self.fail("number too large"), Ok)
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.at..self.at + 4);
        let value = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok());
        match value {
            Some(v) => {
                self.at += 4;
                Ok(v)
            }
            None => self.fail("bad \\u escape"),
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters up to the next quote or backslash at once.
            let run = self.text[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .map_or(self.text.len(), |n| self.at + n);
            // The input is a &str and the run ends at an ASCII byte, so this is whole
            // characters.
            out.push_str(std::str::from_utf8(&self.text[self.at..run]).unwrap_or_default());
            self.at = run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    let c = match escaped {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                // A surrogate pair: the second half must follow.
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return self.fail("unpaired surrogate");
                                }
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return self.fail("unpaired surrogate");
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            match char::from_u32(code) {
                                Some(c) => c,
                                None => return self.fail("unpaired surrogate"),
                            }
                        }
                        _ => return self.fail("bad escape"),
                    };
                    out.push(c);
                }
                Some(_) => return self.fail("control character in a string"),
                None => return self.fail("unexpected end"),
            }
        }
    }
}

impl Json {
    pub fn parse(text: &str) -> Result<Json, ParseError> {
        let mut reader = Reader {
            text: text.as_bytes(),
            at: 0,
        };
        let value = reader.value(0)?;
        reader.skip_space();
        if reader.at != reader.text.len() {
            return reader.fail("text after the end");
        }
        Ok(value)
    }

    /// The value of field `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Field `name` as `T`; an error names the field.
    pub fn field<T: FromJson>(&self, name: &str) -> Result<T, String> {
        match self.get(name) {
            Some(v) => T::from_json(v).map_err(|e| format!("{name}: {e}")),
            None => Err(format!("{name}: missing")),
        }
    }

    /// Field `name` as `T`, or `default` when it is missing (a field added in a later
    /// version of a record).
    pub fn field_or<T: FromJson>(&self, name: &str, default: T) -> Result<T, String> {
        match self.get(name) {
            None => Ok(default),
            Some(_) => self.field(name),
        }
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An object from `(name, value)` pairs, in that order.
pub fn obj<const N: usize>(fields: [(&str, Json); N]) -> Json {
    Json::Obj(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

pub trait ToJson {
    fn to_json(&self) -> Json;
}

pub trait FromJson: Sized {
    /// The value, or a short reason it is not one.
    fn from_json(json: &Json) -> Result<Self, String>;

    fn from_text(text: &str) -> Result<Self, String> {
        Self::from_json(&Json::parse(text).map_err(|e| e.to_string())?)
    }
}

pub fn to_text<T: ToJson + ?Sized>(value: &T) -> String {
    value.to_json().to_string()
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for Json {
    fn from_json(json: &Json) -> Result<Self, String> {
        Ok(json.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::Str(self.to_owned())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl FromJson for String {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Str(s) => Ok(s.clone()),
            _ => Err("expected text".to_owned()),
        }
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Bool(b) => Ok(*b),
            _ => Err("expected true or false".to_owned()),
        }
    }
}

macro_rules! whole_numbers {
    ($($t:ty),+) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Int(i64::from(*self))
            }
        }

        impl FromJson for $t {
            fn from_json(json: &Json) -> Result<Self, String> {
                match json {
                    Json::Int(n) => <$t>::try_from(*n).map_err(|_| "number out of range".to_owned()),
                    _ => Err("expected a whole number".to_owned()),
                }
            }
        }
    )+};
}

whole_numbers!(u8, u16, u32, i64);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, T::to_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl ToJson for BTreeMap<String, String> {
    fn to_json(&self) -> Json {
        Json::Obj(
            self.iter()
                .map(|(k, v)| (k.clone(), Json::Str(v.clone())))
                .collect(),
        )
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(json: &Json) -> Result<Self, String> {
        match json {
            Json::Obj(fields) => fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), String::from_json(v)?)))
                .collect(),
            _ => Err("expected an object".to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_agree_with_a_reference_parser() {
        let texts = [
            r#"{"v":1,"data":{"band":"15-17","sound":true,"region":null,"volume":50}}"#,
            r#"[1,-2,0,"a\"b\\c\n\u00e9\ud83c\udf3f",[],{},[[[]]],false]"#,
            r#"  { "spaced" : [ 1 , 2 ] }  "#,
            r#""tab\there \/ slash""#,
        ];
        for text in texts {
            let ours = Json::parse(text).unwrap();
            let written = ours.to_string();
            assert_eq!(Json::parse(&written).unwrap(), ours, "{text}");
            let reference: serde_json::Value = serde_json::from_str(text).unwrap();
            let back: serde_json::Value = serde_json::from_str(&written).unwrap();
            assert_eq!(back, reference, "{text}");
        }
    }

    #[test]
    fn text_that_is_not_json_is_refused_with_where() {
        for bad in [
            "",
            "{",
            "{\"a\" 1}",
            "[1,]",
            "[1 2]",
            "01",
            "-",
            "1.5",
            "2e3",
            "tru",
            "\"open",
            "\"\\x\"",
            "\"\u{1}\"",
            "{} {}",
            "{1:2}",
            "\"\\ud800\"",
            "99999999999999999999",
        ] {
            assert!(Json::parse(bad).is_err(), "{bad:?} was accepted");
        }
        let error = Json::parse("[1,]").unwrap_err();
        assert_eq!(error.at, 3);
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(Json::parse(&deep).unwrap_err().what, "nested too deeply");
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Json::parse(&fine).is_ok());
    }

    #[test]
    fn control_characters_are_escaped_when_written() {
        let s = "a\u{1}b\"\\\n".to_owned();
        let written = to_text(&s);
        assert_eq!(written, r#""a\u0001b\"\\\n""#);
        assert_eq!(String::from_text(&written).unwrap(), s);
    }

    #[test]
    fn fields_are_read_by_name_with_defaults_for_missing_ones() {
        let j = Json::parse(r#"{"n":300,"s":"x","gone":null}"#).unwrap();
        assert_eq!(j.field::<u16>("n"), Ok(300));
        assert_eq!(j.field::<u8>("n"), Err("n: number out of range".to_owned()));
        assert_eq!(
            j.field::<String>("missing"),
            Err("missing: missing".to_owned())
        );
        assert_eq!(j.field_or::<u32>("missing", 7), Ok(7));
        assert_eq!(
            j.field_or::<Option<String>>("gone", Some("d".into())),
            Ok(None)
        );
        assert_eq!(
            j.field_or::<Option<String>>("s", None),
            Ok(Some("x".to_owned()))
        );
        assert!(j.field_or::<bool>("s", true).is_err());
    }
}

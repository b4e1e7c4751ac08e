//! The export file: every `tend.*` record exactly as stored (unreadable ones included),
//! in one versioned JSON document, and the rules for reading one back.

use super::json::{obj, Json, ToJson};
use std::collections::BTreeMap;

/// Marks a file as Tend's, so a random JSON file is refused by name, not by accident.
pub const FORMAT: &str = "tend-export";
pub const VERSION: u32 = 1;
/// Far above what browser storage can hold (about 5 MB), so a real export always fits
/// and a wrong, huge file is refused before it is parsed.
pub const MAX_BYTES: usize = 12 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    /// ISO 8601 time of the export, for people reading the file.
    pub exported_at: String,
    /// Storage key → stored text, byte for byte.
    pub records: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    NotTend,
    Newer(u32),
    BadKey(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge => f.write_str("This file is too big to be a Tend export."),
            ImportError::NotJson | ImportError::NotTend => {
                f.write_str("This doesn't look like a file exported from Tend.")
            }
            ImportError::Newer(_) => f.write_str(
                "This file comes from a newer version of Tend. Update Tend, then try again.",
            ),
            ImportError::BadKey(_) => f.write_str("Part of this file isn't in Tend's format."),
        }
    }
}

impl ExportFile {
    pub fn new(records: BTreeMap<String, String>, exported_at: String) -> ExportFile {
        ExportFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at,
            records,
        }
    }

    pub fn to_json(&self) -> String {
        obj([
            ("format", self.format.to_json()),
            ("version", self.version.to_json()),
            ("exported_at", self.exported_at.to_json()),
            ("records", self.records.to_json()),
        ])
        .to_string()
    }

    /// Reads a file, refusing anything that is not a Tend export this version can read.
    pub fn parse(text: &str) -> Result<ExportFile, ImportError> {
        if text.len() > MAX_BYTES {
            return Err(ImportError::TooLarge);
        }
        let json = Json::parse(text).map_err(|_| ImportError::NotJson)?;
        if json.get("format") != Some(&Json::Str(FORMAT.to_owned())) {
            return Err(ImportError::NotTend);
        }
        let read = || -> Result<ExportFile, String> {
            Ok(ExportFile {
                format: json.field("format")?,
                version: json.field("version")?,
                exported_at: json.field("exported_at")?,
                records: json.field("records")?,
            })
        };
        let file = read().map_err(|_| ImportError::NotTend)?;
        if file.version > VERSION {
            return Err(ImportError::Newer(file.version));
        }
        if let Some(key) = file.records.keys().find(|k| !is_record_key(k)) {
            return Err(ImportError::BadKey(key.clone()));
        }
        Ok(file)
    }
}

/// Keys Tend owns: `tend.` followed by dot-separated parts of letters, digits, `-` or `_`.
pub fn is_record_key(key: &str) -> bool {
    key.strip_prefix("tend.").is_some_and(|rest| {
        !rest.is_empty()
            && rest.split('.').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
    })
}

/// The kind of record under a key: `tend.checkin.2026-11-28` → `checkin`.
pub fn kind_of(key: &str) -> &str {
    key.strip_prefix("tend.")
        .and_then(|rest| rest.split('.').next())
        .unwrap_or(key)
}

/// How many records of each kind, for "this file holds…".
pub fn counts_by_kind<'a>(keys: impl IntoIterator<Item = &'a String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for key in keys {
        *counts.entry(kind_of(key).to_owned()).or_insert(0) += 1;
    }
    counts
}

/// What importing would do, by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// Not on this device yet: added.
    pub add: Vec<String>,
    /// Already here, identical: nothing to do.
    pub same: Vec<String>,
    /// Already here, different: this device's version stays, the file's is kept aside.
    pub differ: Vec<String>,
}

pub fn plan_merge(
    existing: &BTreeMap<String, String>,
    incoming: &BTreeMap<String, String>,
) -> MergePlan {
    let mut plan = MergePlan::default();
    for (key, value) in incoming {
        match existing.get(key) {
            None => plan.add.push(key.clone()),
            Some(v) if v == value => plan.same.push(key.clone()),
            Some(_) => plan.differ.push(key.clone()),
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn an_export_reads_back_identically_including_unreadable_records() {
        let file = ExportFile::new(
            records(&[
                ("tend.settings", r#"{"v":1,"data":{"band":"15-17"}}"#),
                ("tend.kept.settings", "{ not json, kept as it was"),
                ("tend.note.a", "line one\nline two \u{2014} \u{1F331}"),
            ]),
            "2026-11-28T10:00:00Z".into(),
        );
        assert_eq!(ExportFile::parse(&file.to_json()), Ok(file));
    }

    #[test]
    fn malformed_foreign_newer_and_oversized_files_are_refused() {
        assert_eq!(ExportFile::parse("{not json"), Err(ImportError::NotJson));
        assert_eq!(
            ExportFile::parse(r#"{"name":"a playlist"}"#),
            Err(ImportError::NotTend)
        );
        assert_eq!(
            ExportFile::parse(r#"{"format":"tend-export","version":1}"#),
            Err(ImportError::NotTend)
        );
        let newer = r#"{"format":"tend-export","version":7,"exported_at":"","records":{}}"#;
        assert_eq!(ExportFile::parse(newer), Err(ImportError::Newer(7)));
        let foreign_key =
            r#"{"format":"tend-export","version":1,"exported_at":"","records":{"theme":"x"}}"#;
        assert_eq!(
            ExportFile::parse(foreign_key),
            Err(ImportError::BadKey("theme".into()))
        );
        let huge = format!("\"{}\"", "x".repeat(MAX_BYTES));
        assert_eq!(ExportFile::parse(&huge), Err(ImportError::TooLarge));
    }

    #[test]
    fn only_tend_keys_are_record_keys() {
        for good in [
            "tend.settings",
            "tend.checkin.2026-11-28",
            "tend.kept.note.a_1",
        ] {
            assert!(is_record_key(good), "{good}");
        }
        for bad in [
            "tend.",
            "tend..x",
            "other.settings",
            "tend.a b",
            "tend.x.",
            "__proto__",
        ] {
            assert!(!is_record_key(bad), "{bad}");
        }
    }

    #[test]
    fn counts_group_records_by_kind() {
        let keys = [
            "tend.settings",
            "tend.checkin.1",
            "tend.checkin.2",
            "tend.kept.settings",
        ]
        .map(String::from);
        let counts = counts_by_kind(keys.iter());
        assert_eq!(counts.get("checkin"), Some(&2));
        assert_eq!(counts.get("settings"), Some(&1));
        assert_eq!(counts.get("kept"), Some(&1));
    }

    #[test]
    fn merging_adds_new_records_skips_duplicates_and_never_overwrites() {
        let here = records(&[("tend.a.1", "x"), ("tend.a.2", "y")]);
        let file = records(&[
            ("tend.a.1", "x"),
            ("tend.a.2", "changed"),
            ("tend.a.3", "z"),
        ]);
        let plan = plan_merge(&here, &file);
        assert_eq!(plan.add, vec!["tend.a.3"]);
        assert_eq!(plan.same, vec!["tend.a.1"]);
        assert_eq!(plan.differ, vec!["tend.a.2"]);
    }
}

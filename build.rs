//! Turns the content files in `content/` into Rust statics at build time, so the wasm
//! carries plain data and no TOML parser. Broken content fails the build with a message
//! naming the file and the entry; the finer checks (dates, reading level) are tests.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HelplinesFile {
    region: Vec<RegionEntry>,
    #[serde(default)]
    line: Vec<LineEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    id: String,
    name: String,
    emergency: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineEntry {
    region: String,
    name: String,
    about: String,
    hours: Option<String>,
    call: Option<String>,
    display: Option<String>,
    call_display: Option<String>,
    text: Option<String>,
    text_display: Option<String>,
    text_keyword: Option<String>,
    ages: Option<String>,
    source: String,
    last_verified: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DailyFile {
    line: Vec<DailyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DailyEntry {
    band: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BreathingFile {
    session: SessionEntry,
    pattern: Vec<PatternEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionEntry {
    default_minutes: ByBandEntry<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ByBandEntry<T> {
    #[serde(rename = "12-14")]
    early: T,
    #[serde(rename = "15-17")]
    mid: T,
    #[serde(rename = "18+")]
    adult: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternEntry {
    id: String,
    #[serde(default)]
    default: bool,
    min_band: String,
    optional: bool,
    technique: String,
    reference: String,
    name: ByBandEntry<String>,
    about: ByBandEntry<String>,
    pace: PaceEntry,
    target: Option<PaceEntry>,
    ease_seconds: Option<u32>,
}

/// Seconds for each part of a breath.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PaceEntry {
    inhale: f64,
    hold_in: f64,
    exhale: f64,
    hold_out: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrawingFile {
    /// Each prompt is read as a table first, so that any error in it can name its id.
    prompt: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptEntry {
    id: String,
    technique: String,
    reference: String,
    min_band: Option<String>,
    title: ByBandEntry<Option<String>>,
    prompt: ByBandEntry<Option<String>>,
    reflect: Option<ByBandEntry<Option<String>>>,
    gentle: Option<ByBandEntry<Option<String>>>,
}

fn read<T: serde::de::DeserializeOwned>(path: &str) -> T {
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `Some("x")` / `None` as Rust source, treating an empty string as absent.
fn opt(value: &Option<String>) -> String {
    match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => format!("Some({v:?})"),
        _ => "None".to_owned(),
    }
}

fn band(value: &str, file: &str) -> &'static str {
    match value {
        "12-14" => "Band::Early",
        "15-17" => "Band::Mid",
        "18+" => "Band::Adult",
        other => panic!("{file}: unknown band {other:?} (use 12-14, 15-17 or 18+)"),
    }
}

/// `ByBand { early: "…", mid: "…", adult: "…" }` as Rust source, each text trimmed and
/// required.
fn band_text(texts: &ByBandEntry<String>, file: &str, id: &str, key: &str) -> String {
    let text = |band: &str, value: &str| {
        let value = value.trim();
        assert!(
            !value.is_empty(),
            "{file}: {id:?} has an empty {key} for {band}"
        );
        format!("{value:?}")
    };
    format!(
        "ByBand {{ early: {}, mid: {}, adult: {} }}",
        text("12-14", &texts.early),
        text("15-17", &texts.mid),
        text("18+", &texts.adult)
    )
}

/// A `Pace` in whole milliseconds as Rust source, after checking each part is 0–10 s and
/// that there is a breath in or out to follow.
fn pace(entry: &PaceEntry, file: &str, id: &str) -> String {
    let ms = |part: &str, seconds: f64| -> u32 {
        assert!(
            seconds.is_finite() && (0.0..=10.0).contains(&seconds),
            "{file}: {id:?} has {part} = {seconds}; each part is 0 to 10 seconds"
        );
        let ms = (seconds * 1000.0).round();
        assert!(
            (seconds * 1000.0 - ms).abs() < 1e-6,
            "{file}: {id:?} has {part} = {seconds}; use whole milliseconds"
        );
        ms as u32
    };
    let (inhale, exhale) = (ms("inhale", entry.inhale), ms("exhale", entry.exhale));
    assert!(
        inhale > 0 || exhale > 0,
        "{file}: {id:?} needs inhale or exhale above 0"
    );
    format!(
        "Pace {{ inhale_ms: {inhale}, hold_in_ms: {}, exhale_ms: {exhale}, hold_out_ms: {} }}",
        ms("hold_in", entry.hold_in),
        ms("hold_out", entry.hold_out)
    )
}

/// Panics unless `id` is lowercase letters, digits and dashes, and not used before.
fn check_id<'a>(id: &str, before: impl IntoIterator<Item = &'a str>, file: &str, kind: &str) {
    assert!(
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
        "{file}: {kind} id {id:?} needs lowercase letters, digits and dashes only"
    );
    assert!(
        before.into_iter().all(|other| other != id),
        "{file}: {kind} id {id:?} is used twice"
    );
}

/// Like `band_text`, for a table read with every band optional, so that a missing band
/// is an error naming the entry and the key.
fn all_bands_text(texts: &ByBandEntry<Option<String>>, file: &str, id: &str, key: &str) -> String {
    let text = |band: &str, value: &Option<String>| {
        value
            .clone()
            .unwrap_or_else(|| panic!("{file}: {id:?} has no {key} for {band}"))
    };
    let texts = ByBandEntry {
        early: text("12-14", &texts.early),
        mid: text("15-17", &texts.mid),
        adult: text("18+", &texts.adult),
    };
    band_text(&texts, file, id, key)
}

/// `Some(ByBand { … })` or `None` as Rust source.
fn opt_band_text(
    texts: &Option<ByBandEntry<Option<String>>>,
    file: &str,
    id: &str,
    key: &str,
) -> String {
    match texts {
        Some(texts) => format!("Some({})", all_bands_text(texts, file, id, key)),
        None => "None".to_owned(),
    }
}

/// The drawing prompts, in the order they are offered. Returns their ids.
fn drawing_prompts(out: &mut String) -> Vec<String> {
    let file = "content/drawing.toml";
    let drawing: DrawingFile = read(file);
    let mut ids: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    out.push_str("pub static DRAW_PROMPTS: &[crate::domain::draw::prompt::Prompt] = &[\n");
    for (i, table) in drawing.prompt.into_iter().enumerate() {
        let id = match table.get("id") {
            Some(toml::Value::String(id)) => id.clone(),
            _ => panic!("{file}: prompt number {} needs an id", i + 1),
        };
        let p: PromptEntry = toml::Value::Table(table)
            .try_into()
            .unwrap_or_else(|e| panic!("{file}: prompt {id:?}: {e}"));
        check_id(&p.id, ids.iter().map(String::as_str), file, "prompt");
        for (key, value) in [("technique", &p.technique), ("reference", &p.reference)] {
            assert!(
                !value.trim().is_empty(),
                "{file}: {id:?} has an empty {key}"
            );
        }
        let min_band = band(p.min_band.as_deref().unwrap_or("12-14"), file);
        writeln!(
            out,
            "    Prompt {{ id: {id:?}, technique: {:?}, reference: {:?}, min_band: {min_band}, \
             title: {}, text: {}, reflect: {}, gentle: {} }},",
            p.technique.trim(),
            p.reference.trim(),
            all_bands_text(&p.title, file, &id, "title"),
            all_bands_text(&p.prompt, file, &id, "prompt"),
            opt_band_text(&p.reflect, file, &id, "reflect"),
            opt_band_text(&p.gentle, file, &id, "gentle"),
        )
        .unwrap();
        titles.push(format!(
            "({id:?}, {})",
            all_bands_text(&p.title, file, &id, "title")
        ));
        ids.push(id);
    }
    out.push_str("];\n");
    titles_list(out, "DRAW_PROMPT_TITLES", "drawing prompts", &titles);
    ids
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SceneFile {
    id: String,
    technique: String,
    reference: String,
    min_band: Option<String>,
    title: toml::Value,
    preview: toml::Value,
    /// Each line is read as a table first, so that any error in it can name its id.
    line: Vec<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SceneLineEntry {
    id: String,
    speaker: String,
    text: toml::Value,
    next: Option<String>,
    #[serde(default)]
    choice: Vec<ChoiceEntry>,
    write: Option<WriteEntry>,
    #[serde(default)]
    reflection: bool,
    compare: Option<Vec<String>>,
    question: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceEntry {
    label: toml::Value,
    next: String,
    tone: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WriteEntry {
    key: String,
    prompt: toml::Value,
    next: String,
}

/// A dialogue text as `ByBand { … }` source: one string for every band, or a table
/// with a string for some of "12-14", "15-17" and "18+". A band left out becomes "",
/// which the content tests refuse for any band the scene is offered to.
fn talk_text(value: &toml::Value, at: &str) -> String {
    let one = |value: &toml::Value, band: &str| match value {
        toml::Value::String(text) => format!("{:?}", text.trim()),
        _ => panic!("{at}: the text for {band} needs to be a string"),
    };
    match value {
        toml::Value::String(_) => {
            let text = one(value, "every band");
            format!("ByBand {{ early: {text}, mid: {text}, adult: {text} }}")
        }
        toml::Value::Table(table) => {
            if let Some(key) = table
                .keys()
                .find(|k| !["12-14", "15-17", "18+"].contains(&k.as_str()))
            {
                panic!("{at}: unknown band {key:?} (use 12-14, 15-17 or 18+)");
            }
            let get = |band: &str| table.get(band).map_or("\"\"".to_owned(), |v| one(v, band));
            format!(
                "ByBand {{ early: {}, mid: {}, adult: {} }}",
                get("12-14"),
                get("15-17"),
                get("18+")
            )
        }
        _ => panic!("{at}: give a string, or a table of strings by band"),
    }
}

fn speaker(value: &str, at: &str) -> &'static str {
    match value {
        "guide" => "Guide",
        "friend" => "Friend",
        "critic" => "Critic",
        "kind" => "Kind",
        "you" => "You",
        "angry" => "Angry",
        "anxious" => "Anxious",
        "sad" => "Sad",
        "parent" => "Parent",
        "other" => "Other",
        other => panic!(
            "{at}: unknown speaker {other:?} (use guide, friend, critic, kind, you, angry, \
             anxious, sad, parent or other)"
        ),
    }
}

fn tone(value: Option<&str>, at: &str) -> &'static str {
    match value.unwrap_or("neutral") {
        "neutral" => "Neutral",
        "critical" => "Critical",
        "kind" => "Kind",
        other => panic!("{at}: unknown tone {other:?} (use neutral, critical or kind)"),
    }
}

/// One scene line as `talk::Line { … }` source, after checking it has exactly one way
/// on. Where each way on leads is checked by the content tests, which name the problem.
fn talk_line(l: &SceneLineEntry, at: &str, keys: &mut Vec<String>) -> String {
    let ways = [
        l.next.is_some(),
        !l.choice.is_empty(),
        l.write.is_some(),
        l.reflection,
    ];
    assert!(
        ways.iter().filter(|w| **w).count() == 1,
        "{at}: needs exactly one of next, choice, write or reflection = true"
    );
    assert!(
        l.reflection || (l.compare.is_none() && l.question.is_none()),
        "{at}: compare and question belong on a reflection"
    );
    let next = if let Some(next) = &l.next {
        format!("talk::Next::Line({next:?})")
    } else if let Some(w) = &l.write {
        check_id(&w.key, keys.iter().map(String::as_str), at, "write key");
        keys.push(w.key.clone());
        format!(
            "talk::Next::Write(talk::WriteTurn {{ key: {:?}, prompt: {}, next: {:?} }})",
            w.key,
            talk_text(&w.prompt, &format!("{at} write prompt")),
            w.next
        )
    } else if l.reflection {
        let compare = l.compare.clone().unwrap_or_default();
        for key in &compare {
            assert!(
                keys.contains(key),
                "{at}: compares {key:?}, which no write turn above it has as its key"
            );
        }
        let question = match &l.question {
            Some(q) => format!("Some({})", talk_text(q, &format!("{at} question"))),
            None => "None".to_owned(),
        };
        format!(
            "talk::Next::End(talk::Reflection {{ compare: &{compare:?}, question: {question} }})"
        )
    } else {
        let choices: Vec<String> = l
            .choice
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let at = format!("{at} choice {}", i + 1);
                format!(
                    "talk::Choice {{ label: {}, next: {:?}, tone: talk::Tone::{} }}",
                    talk_text(&c.label, &at),
                    c.next,
                    tone(c.tone.as_deref(), &at)
                )
            })
            .collect();
        format!("talk::Next::Choices(&[{}])", choices.join(", "))
    };
    format!(
        "talk::Line {{ id: {:?}, speaker: talk::Speaker::{}, text: {}, next: {next} }}",
        l.id,
        speaker(&l.speaker, at),
        talk_text(&l.text, at)
    )
}

/// The dialogue scenes, one file each in `content/talk/`, in file-name order. Returns
/// their ids.
///
/// Writes what is shown of the scenes before they are opened (`TALK_SCENES`: ids, titles,
/// previews, bands, sources, for About and the handouts; `TALK_SCENE_LIST`: ids, bands and
/// titles, for the dialogues' list) and, apart from them, each scene with its lines (`TALK_SCENE_<ID>`). In the split build
/// (src/ui/section.rs) each scene is a section of its own, `scene_<id>`, whose file holds
/// its lines: only a `scene_<id>` function refers to them, so they arrive when the scene
/// is opened (`crate::content::load_talk_scenes`), not with the dialogues' code.
fn talk_scenes(out: &mut String) -> Vec<String> {
    let dir = "content/talk";
    let mut ids: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut scenes = String::new();
    let mut here = String::new();
    let mut arrives = String::new();
    let mut listed = String::new();
    out.push_str("pub static TALK_SCENES: &[talk::SceneInfo] = &[\n");
    for file in &toml_files(dir) {
        let scene: SceneFile = read(file);
        let id = scene.id.trim();
        check_id(id, ids.iter().map(String::as_str), file, "scene");
        assert!(
            file.ends_with(&format!("/{id}.toml")),
            "{file}: scene {id:?} belongs in {dir}/{id}.toml"
        );
        for (key, value) in [
            ("technique", &scene.technique),
            ("reference", &scene.reference),
        ] {
            assert!(!value.trim().is_empty(), "{file}: {key} is empty");
        }
        let info = format!(
            "id: {id:?}, technique: {:?}, reference: {:?}, min_band: {}, title: {}, preview: {}",
            scene.technique.trim(),
            scene.reference.trim(),
            band(scene.min_band.as_deref().unwrap_or("12-14"), file),
            talk_text(&scene.title, &format!("{file}: title")),
            talk_text(&scene.preview, &format!("{file}: preview")),
        );
        writeln!(out, "    talk::SceneInfo {{ {info} }},").unwrap();
        writeln!(
            listed,
            "    talk::Listed {{ id: {id:?}, min_band: {}, title: {} }},",
            band(scene.min_band.as_deref().unwrap_or("12-14"), file),
            talk_text(&scene.title, &format!("{file}: title")),
        )
        .unwrap();
        let lines = scene_lines(scene.line, file);
        let name = id.replace('-', "_");
        let upper = name.to_uppercase();
        writeln!(
            scenes,
            "/// The scene {id:?} with its lines: in the split build, only `scene_{name}` \
             refers to it.\npub static TALK_SCENE_{upper}: talk::Scene = talk::Scene {{ {info}, \
             lines: &[\n    {},\n] }};\n\
             #[cfg(feature = \"split\")]\n\
             #[::leptos::wasm_split::wasm_split(scene_{name}, wasm_split_path = ::leptos::wasm_split, fallible)]\n\
             fn scene_{name}() -> Result<&'static talk::Scene, crate::ui::section::NotLoaded> {{\n    \
             Ok(&TALK_SCENE_{upper})\n}}\n",
            lines.join(",\n    ")
        )
        .unwrap();
        writeln!(here, "        {id:?} => Some(&TALK_SCENE_{upper}),").unwrap();
        writeln!(arrives, "        {id:?} => scene_{name}().await,").unwrap();
        titles.push(format!(
            "({id:?}, {})",
            talk_text(&scene.title, &format!("{file}: title"))
        ));
        ids.push(id.to_owned());
    }
    out.push_str("];\n");
    writeln!(
        out,
        "\n/// The scenes above as the dialogues list them, in the same order: their previews \
         and sources stay out of the dialogues' download.\n\
         pub static TALK_SCENE_LIST: &[talk::Listed] = &[\n{listed}];"
    )
    .unwrap();
    titles_list(out, "TALK_SCENE_TITLES", "dialogue scenes", &titles);
    out.push('\n');
    out.push_str(&scenes);
    writeln!(
        out,
        "/// A scene with its lines, by id: here at once in a build that is not split.\n\
         #[cfg(not(feature = \"split\"))]\n\
         fn talk_scene_here(id: &str) -> Option<&'static talk::Scene> {{\n    match id {{\n{here}        _ => None,\n    }}\n}}\n\n\
         /// A scene with its lines, by id, once its file has arrived (`None` for an id that \
         is no scene).\n\
         #[cfg(feature = \"split\")]\n\
         async fn talk_scene_arrives(id: &str) -> Option<Result<&'static talk::Scene, crate::ui::section::NotLoaded>> {{\n    \
         Some(match id {{\n{arrives}        _ => return None,\n    }})\n}}\n\n\
         /// Every scene with its lines, for the content tests.\n\
         #[cfg(test)]\n\
         pub static TALK_SCENES_WHOLE: &[&talk::Scene] = &[{}];\n",
        ids.iter()
            .map(|id| format!("&TALK_SCENE_{}", id.replace('-', "_").to_uppercase()))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    ids
}

// ---- Printable handouts (content/handouts.toml): one card per pattern, prompt, scene. ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoutsFile {
    footer: String,
    breathe: HandoutKindEntry,
    draw: HandoutKindEntry,
    talk: HandoutKindEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoutKindEntry {
    how: Vec<String>,
    hold: Option<String>,
    ease: Option<String>,
    why: toml::Table,
}

/// One handout per pattern, prompt and scene, in that order, each with its "why it
/// helps"; and the steps of "how to practise" for each kind.
fn handouts(out: &mut String, kinds: [(&str, &str, &[String]); 3]) {
    let file = "content/handouts.toml";
    let h: HandoutsFile = read(file);
    let entries = [&h.breathe, &h.draw, &h.talk];
    out.push_str("pub static HANDOUTS: &[crate::domain::handout::Handout] = &[\n");
    for ((kind, variant, ids), entry) in kinds.iter().zip(entries) {
        for key in entry.why.keys() {
            assert!(
                ids.contains(key),
                "{file}: [{kind}.why] has {key:?}, which is not a {kind} id"
            );
        }
        for id in ids.iter() {
            let why = entry
                .why
                .get(id)
                .unwrap_or_else(|| panic!("{file}: [{kind}.why] needs an entry for {id:?}"));
            writeln!(
                out,
                "    crate::domain::handout::Handout {{ kind: crate::domain::handout::Kind::{variant}, \
                 id: {id:?}, path: \"/handouts/{kind}/{id}\", why: {} }},",
                talk_text(why, &format!("{file}: [{kind}.why] {id}"))
            )
            .unwrap();
        }
    }
    out.push_str("];\n\n");
    let paths: Vec<String> = kinds
        .iter()
        .flat_map(|(kind, _, ids)| ids.iter().map(move |id| format!("/handouts/{kind}/{id}")))
        .collect();
    writeln!(
        out,
        "{ADDRESSES_NOTE}\npub static HANDOUT_PATHS: &[&str] = &{paths:?};\n"
    )
    .unwrap();

    let steps = |entry: &HandoutKindEntry, kind: &str| {
        assert!(!entry.how.is_empty(), "{file}: [{kind}] needs how steps");
        let list: Vec<String> = entry
            .how
            .iter()
            .map(|s| {
                assert!(
                    !s.trim().is_empty(),
                    "{file}: [{kind}] has an empty how step"
                );
                format!("{:?}", s.trim())
            })
            .collect();
        format!("&[{}]", list.join(", "))
    };
    let text = |value: &Option<String>, key: &str| {
        let value = value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| panic!("{file}: [breathe] needs {key}"));
        format!("{value:?}")
    };
    assert!(
        h.draw.hold.is_none()
            && h.draw.ease.is_none()
            && h.talk.hold.is_none()
            && h.talk.ease.is_none(),
        "{file}: hold and ease are for [breathe] only"
    );
    writeln!(
        out,
        "pub static HANDOUT_TEXT: crate::domain::handout::Texts = crate::domain::handout::Texts {{ \
         footer: {:?}, breathe: {}, draw: {}, talk: {}, hold: {}, ease: {} }};\n",
        h.footer.trim(),
        steps(&h.breathe, "breathe"),
        steps(&h.draw, "draw"),
        steps(&h.talk, "talk"),
        text(&h.breathe.hold, "hold"),
        text(&h.breathe.ease, "ease"),
    )
    .unwrap();
}

// ---- The family section (content/family/): lessons and the parent's rehearsals. ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonFile {
    id: String,
    order: u32,
    title: String,
    summary: String,
    minutes: u8,
    technique: String,
    references: Vec<String>,
    #[serde(rename = "try")]
    try_this: String,
    #[serde(default)]
    systems: bool,
    #[serde(default)]
    help: bool,
    #[serde(default)]
    breathe: bool,
    section: Vec<LessonSectionEntry>,
    #[serde(default)]
    example: Vec<LessonExampleEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonSectionEntry {
    heading: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonExampleEntry {
    band: String,
    moment: String,
    before: String,
    after: String,
}

/// The `.toml` files in `dir`, ordered by name.
/// A scene's lines as Rust, each checked (ids unique, one way on, write keys unique):
/// the same for the teen's scenes and the parent's rehearsals.
fn scene_lines(tables: Vec<toml::Table>, file: &str) -> Vec<String> {
    assert!(!tables.is_empty(), "{file}: a scene needs lines");
    let mut line_ids: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for (i, table) in tables.into_iter().enumerate() {
        let line_id = match table.get("id") {
            Some(toml::Value::String(line_id)) => line_id.clone(),
            _ => panic!("{file}: line number {} needs an id", i + 1),
        };
        let at = format!("{file}: line {line_id:?}");
        let l: SceneLineEntry = toml::Value::Table(table)
            .try_into()
            .unwrap_or_else(|e| panic!("{at}: {e}"));
        check_id(&l.id, line_ids.iter().map(String::as_str), file, "line");
        lines.push(talk_line(&l, &at, &mut keys));
        line_ids.push(line_id);
    }
    lines
}

/// The `.toml` files in `dir`, sorted, and a rebuild when the folder changes.
fn toml_files(dir: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={dir}");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("{dir}: {e}")).path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|path| path.to_string_lossy().replace('\\', "/"))
        .collect();
    files.sort();
    files
}

/// `text` trimmed, refusing an empty one.
fn required<'a>(text: &'a str, file: &str, key: &str) -> &'a str {
    let text = text.trim();
    assert!(!text.is_empty(), "{file}: {key} is empty");
    text
}

/// The family lessons, one file each in `content/family/lessons/`, in course order.
fn family_lessons(out: &mut String) {
    let dir = "content/family/lessons";
    let mut lessons: Vec<(u32, String, String)> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for file in &toml_files(dir) {
        let l: LessonFile = read(file);
        let id = l.id.trim();
        check_id(id, ids.iter().map(String::as_str), file, "lesson");
        assert!(
            file.ends_with(&format!("/{id}.toml")),
            "{file}: lesson {id:?} belongs in {dir}/{id}.toml"
        );
        assert!(
            lessons.iter().all(|(order, _, _)| *order != l.order),
            "{file}: order {} is used twice",
            l.order
        );
        assert!(
            (3..=5).contains(&l.minutes),
            "{file}: minutes = {}; a lesson takes 3 to 5 minutes",
            l.minutes
        );
        assert!(!l.references.is_empty(), "{file}: needs references");
        assert!(!l.section.is_empty(), "{file}: needs at least one section");
        let references: Vec<&str> = l
            .references
            .iter()
            .map(|r| required(r, file, "a reference"))
            .collect();
        let sections: Vec<String> = l
            .section
            .iter()
            .map(|s| {
                format!(
                    "crate::domain::family::Section {{ heading: {:?}, text: {:?} }}",
                    required(&s.heading, file, "a section heading"),
                    required(&s.text, file, "a section's text")
                )
            })
            .collect();
        let mut bands: Vec<&str> = Vec::new();
        let examples: Vec<String> = l
            .example
            .iter()
            .map(|e| {
                let b = band(&e.band, file);
                assert!(!bands.contains(&b), "{file}: two examples for {}", e.band);
                bands.push(b);
                format!(
                    "crate::domain::family::Example {{ band: {b}, moment: {:?}, before: {:?}, \
                     after: {:?} }}",
                    required(&e.moment, file, "an example's moment"),
                    required(&e.before, file, "an example's before"),
                    required(&e.after, file, "an example's after")
                )
            })
            .collect();
        assert!(
            bands.is_empty() || bands.len() == 3,
            "{file}: examples are for every teen age band (12-14, 15-17, 18+) or none"
        );
        let source = format!(
            "    crate::domain::family::Lesson {{ id: {id:?}, path: \"/family/{id}\", title: {:?}, summary: {:?}, \
             minutes: {}, technique: {:?}, references: &{references:?}, try_this: {:?}, \
             sections: &[{}], examples: &[{}], systems: {}, help: {}, breathe: {} }},\n",
            required(&l.title, file, "title"),
            required(&l.summary, file, "summary"),
            l.minutes,
            required(&l.technique, file, "technique"),
            required(&l.try_this, file, "try"),
            sections.join(", "),
            examples.join(", "),
            l.systems,
            l.help,
            l.breathe
        );
        lessons.push((l.order, source, id.to_owned()));
        ids.push(id.to_owned());
    }
    lessons.sort_by_key(|(order, _, _)| *order);
    out.push_str("pub static LESSONS: &[crate::domain::family::Lesson] = &[\n");
    for (_, source, _) in &lessons {
        out.push_str(source);
    }
    out.push_str("];\n\n");
    let paths: Vec<String> = lessons
        .iter()
        .map(|(_, _, id)| format!("/family/{id}"))
        .collect();
    writeln!(
        out,
        "{ADDRESSES_NOTE}\npub static LESSON_PATHS: &[&str] = &{paths:?};\n"
    )
    .unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FamilySceneFile {
    id: String,
    technique: String,
    reference: String,
    title: toml::Value,
    preview: toml::Value,
    line: Vec<toml::Table>,
}

/// The parent's rehearsals, one file each in `content/family/talk/`, in the dialogue
/// format (lines are read by the same `talk_line` as the teen's scenes), plus a preview.
/// They are a list of their own, so they are never offered among the teen's scenes.
fn family_scenes(out: &mut String) {
    let dir = "content/family/talk";
    let mut ids: Vec<String> = Vec::new();
    out.push_str("pub static FAMILY_SCENES: &[crate::domain::family::FamilyScene] = &[\n");
    for file in &toml_files(dir) {
        let scene: FamilySceneFile = read(file);
        let id = scene.id.trim();
        check_id(id, ids.iter().map(String::as_str), file, "scene");
        assert!(
            file.ends_with(&format!("/{id}.toml")),
            "{file}: scene {id:?} belongs in {dir}/{id}.toml"
        );
        let lines = scene_lines(scene.line, file);
        writeln!(
            out,
            "    crate::domain::family::FamilyScene {{ path: \"/family/rehearse/{id}\", scene: talk::Scene {{ \
             id: {id:?}, technique: {:?}, reference: {:?}, min_band: Band::Early, title: {}, preview: {}, \
             lines: &[\n        {},\n    ] }} }},",
            required(&scene.technique, file, "technique"),
            required(&scene.reference, file, "reference"),
            talk_text(&scene.title, &format!("{file}: title")),
            talk_text(&scene.preview, &format!("{file}: preview")),
            lines.join(",\n        ")
        )
        .unwrap();
        ids.push(id.to_owned());
    }
    out.push_str("];\n\n");
    let paths: Vec<String> = ids
        .iter()
        .map(|id| format!("/family/rehearse/{id}"))
        .collect();
    writeln!(
        out,
        "{ADDRESSES_NOTE}\npub static FAMILY_SCENE_PATHS: &[&str] = &{paths:?};\n"
    )
    .unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageryFile {
    technique: String,
    reference: String,
    title: ByBandEntry<String>,
    preview: ByBandEntry<String>,
    linger: ByBandEntry<u32>,
    anchor: Vec<AnchorEntry>,
    step: Vec<ImageryStepEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnchorEntry {
    id: String,
    label: String,
    reminder: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ImageryStepEntry {
    id: String,
    kind: String,
    min_band: Option<String>,
    title: ByBandEntry<String>,
    text: ByBandEntry<String>,
    companion: Option<ByBandEntry<String>>,
}

/// Kind imagery: its steps, anchors and words per band.
fn imagery(out: &mut String) {
    let file = "content/imagery.toml";
    let f: ImageryFile = read(file);
    for (key, value) in [("technique", &f.technique), ("reference", &f.reference)] {
        assert!(!value.trim().is_empty(), "{file}: empty {key}");
    }
    for (band, s) in [
        ("12-14", f.linger.early),
        ("15-17", f.linger.mid),
        ("18+", f.linger.adult),
    ] {
        assert!(
            (5..=300).contains(&s),
            "{file}: linger for {band} is {s}; use 5 to 300 seconds"
        );
    }
    assert!(!f.anchor.is_empty(), "{file}: needs at least one anchor");
    let mut ids: Vec<&str> = Vec::new();
    let mut anchors = String::new();
    for a in &f.anchor {
        check_id(&a.id, ids.iter().copied(), file, "anchor");
        ids.push(&a.id);
        assert!(
            !a.label.trim().is_empty() && !a.reminder.trim().is_empty(),
            "{file}: anchor {:?} needs a label and a reminder",
            a.id
        );
        writeln!(
            anchors,
            "        Anchor {{ id: {:?}, label: {:?}, reminder: {:?} }},",
            a.id,
            a.label.trim(),
            a.reminder.trim()
        )
        .unwrap();
    }
    assert!(
        f.anchor.iter().any(|a| a.id == "eyes-open"),
        "{file}: eyes open is always offered"
    );
    let mut ids: Vec<&str> = Vec::new();
    let mut steps = String::new();
    for s in &f.step {
        check_id(&s.id, ids.iter().copied(), file, "step");
        ids.push(&s.id);
        let kind = match s.kind.as_str() {
            "arrive" => "StepKind::Arrive",
            "place" => "StepKind::Place",
            "other" => "StepKind::Other",
            "self" => "StepKind::Kind",
            "ground" => "StepKind::Ground",
            k => panic!(
                "{file}: step {:?} has kind {k:?} (use arrive, place, other, self or ground)",
                s.id
            ),
        };
        assert!(
            s.companion.is_none() || s.kind == "other",
            "{file}: step {:?}: only the kind other names the companion",
            s.id
        );
        let companion = match &s.companion {
            Some(c) => {
                for t in [&c.early, &c.mid, &c.adult] {
                    assert!(
                        t.contains("{name}"),
                        "{file}: step {:?}: the companion line needs {{name}}",
                        s.id
                    );
                }
                format!("Some({})", band_text(c, file, &s.id, "companion"))
            }
            None => "None".to_owned(),
        };
        writeln!(
            steps,
            "        Step {{ id: {:?}, kind: {kind}, min_band: {}, title: {}, text: {}, companion: {companion} }},",
            s.id,
            band(s.min_band.as_deref().unwrap_or("12-14"), file),
            band_text(&s.title, file, &s.id, "title"),
            band_text(&s.text, file, &s.id, "text"),
        )
        .unwrap();
    }
    assert!(
        f.step
            .last()
            .is_some_and(|s| s.kind == "ground" && s.min_band.is_none()),
        "{file}: the last step is a ground step for every band"
    );
    writeln!(
        out,
        "pub static IMAGERY: crate::domain::imagery::Imagery = {{\n    use crate::domain::imagery::*;\n    Imagery {{ technique: {:?}, reference: {:?}, title: {}, preview: {}, \
         linger: ByBand {{ early: {}, mid: {}, adult: {} }},\n    anchors: &[\n{anchors}    ],\n    steps: &[\n{steps}    ] }}\n}};\n",
        f.technique.trim(),
        f.reference.trim(),
        band_text(&f.title, file, "imagery", "title"),
        band_text(&f.preview, file, "imagery", "preview"),
        f.linger.early,
        f.linger.mid,
        f.linger.adult,
    )
    .unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LetterFile {
    technique: String,
    reference: String,
    title: ByBandEntry<String>,
    intro: ByBandEntry<String>,
    reread: ByBandEntry<String>,
    step: Vec<LetterStepEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LetterStepEntry {
    id: String,
    you: String,
    i: String,
    prompt: ByBandEntry<String>,
}

/// The compassionate letter's guide.
fn letter(out: &mut String) {
    let file = "content/letter.toml";
    let f: LetterFile = read(file);
    for (key, value) in [("technique", &f.technique), ("reference", &f.reference)] {
        assert!(!value.trim().is_empty(), "{file}: empty {key}");
    }
    assert!(!f.step.is_empty(), "{file}: needs at least one step");
    let mut ids: Vec<&str> = Vec::new();
    let mut steps = String::new();
    for s in &f.step {
        check_id(&s.id, ids.iter().copied(), file, "step");
        ids.push(&s.id);
        assert!(
            !s.you.trim().is_empty() && !s.i.trim().is_empty(),
            "{file}: step {:?} needs you and i",
            s.id
        );
        writeln!(
            steps,
            "        LetterStep {{ id: {:?}, you: {:?}, i: {:?}, prompt: {} }},",
            s.id,
            s.you.trim(),
            s.i.trim(),
            band_text(&s.prompt, file, &s.id, "prompt"),
        )
        .unwrap();
    }
    writeln!(
        out,
        "pub static LETTER: crate::domain::letter::LetterGuide = {{\n    use crate::domain::letter::*;\n    LetterGuide {{ technique: {:?}, reference: {:?}, title: {}, intro: {}, reread: {},\n    steps: &[\n{steps}    ] }}\n}};\n",
        f.technique.trim(),
        f.reference.trim(),
        band_text(&f.title, file, "letter", "title"),
        band_text(&f.intro, file, "letter", "intro"),
        band_text(&f.reread, file, "letter", "reread"),
    )
    .unwrap();
}

fn session(minutes: u32, file: &str, band: &str) -> &'static str {
    match minutes {
        1 => "SessionLength::OneMinute",
        2 => "SessionLength::TwoMinutes",
        3 => "SessionLength::ThreeMinutes",
        5 => "SessionLength::FiveMinutes",
        other => panic!("{file}: {band} has {other} minutes (use 1, 2, 3 or 5)"),
    }
}

/// `pub static $name: &[(&str, BandText)]`: the id and title of each of `what`, in
/// order, for screens in the first download that name them (a practice plan on Home)
/// without bringing the rest of their words along.
fn titles_list(out: &mut String, name: &str, what: &str, titles: &[String]) {
    writeln!(
        out,
        "\n/// The id and title of each of the {what} above, in the same order: all that screens \
         in the first download need of them.\npub static {name}: &[(&str, crate::domain::breathing::BandText)] = &[\n    {},\n];",
        titles.join(",\n    ")
    )
    .unwrap();
}

/// Written above each list of addresses: why the router has them apart from the pages.
const ADDRESSES_NOTE: &str =
    "/// The addresses of the pages above, in the same order: all the router needs, so the \
    pages' words stay in their section's file (src/ui/section.rs).";

fn main() {
    let mut out = String::from("// Generated by build.rs from content/. Do not edit.\n\n");

    let help: HelplinesFile = read("content/helplines.toml");
    out.push_str("pub static REGIONS: &[Region] = &[\n");
    for r in &help.region {
        writeln!(
            out,
            "    Region {{ id: {:?}, name: {:?}, emergency: {:?} }},",
            r.id, r.name, r.emergency
        )
        .unwrap();
    }
    out.push_str("];\n\npub static HELPLINES: &[Helpline] = &[\n");
    for l in &help.line {
        assert!(
            help.region.iter().any(|r| r.id == l.region),
            "content/helplines.toml: {:?} names unknown region {:?}",
            l.name,
            l.region
        );
        let call_display = l.call_display.clone().or_else(|| l.display.clone());
        writeln!(
            out,
            "    Helpline {{ region: {:?}, name: {:?}, about: {:?}, hours: {}, call: {}, \
             call_display: {}, text: {}, text_display: {}, text_keyword: {}, ages: {}, \
             source: {:?}, last_verified: {:?} }},",
            l.region,
            l.name,
            l.about,
            opt(&l.hours),
            opt(&l.call),
            opt(&call_display),
            opt(&l.text),
            opt(&l.text_display),
            opt(&l.text_keyword),
            opt(&l.ages),
            l.source,
            l.last_verified
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    let daily: DailyFile = read("content/daily.toml");
    out.push_str("pub static DAILY: &[DailyLine] = &[\n");
    for d in &daily.line {
        writeln!(
            out,
            "    DailyLine {{ band: {}, text: {:?} }},",
            band(&d.band, "content/daily.toml"),
            d.text.trim()
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    let file = "content/breathing.toml";
    let breathing: BreathingFile = read(file);
    let minutes = &breathing.session.default_minutes;
    writeln!(
        out,
        "pub static DEFAULT_SESSION: ByBand<SessionLength> = ByBand {{ early: {}, mid: {}, \
         adult: {} }};\n",
        session(minutes.early, file, "12-14"),
        session(minutes.mid, file, "15-17"),
        session(minutes.adult, file, "18+")
    )
    .unwrap();
    let defaults = breathing.pattern.iter().filter(|p| p.default).count();
    assert!(
        defaults == 1,
        "{file}: {defaults} patterns have default = true; exactly one needs it"
    );
    out.push_str("pub static PATTERNS: &[Pattern] = &[\n");
    for (i, p) in breathing.pattern.iter().enumerate() {
        let id = p.id.as_str();
        let before = breathing.pattern[..i].iter().map(|q| q.id.as_str());
        check_id(id, before, file, "pattern");
        for (key, value) in [("technique", &p.technique), ("reference", &p.reference)] {
            assert!(
                !value.trim().is_empty(),
                "{file}: {id:?} has an empty {key}"
            );
        }
        let start = pace(&p.pace, file, id);
        let (target, ease_seconds) = match (&p.target, p.ease_seconds) {
            (None, None) => (start.clone(), 0),
            (Some(target), Some(seconds)) if (1..=600).contains(&seconds) => {
                (pace(target, file, id), seconds)
            }
            (Some(_), Some(seconds)) => {
                panic!("{file}: {id:?} has ease_seconds = {seconds}; use 1 to 600")
            }
            _ => panic!("{file}: {id:?} needs target and ease_seconds together, or neither"),
        };
        writeln!(
            out,
            "    Pattern {{ id: {id:?}, name: {}, about: {}, technique: {:?}, reference: {:?}, \
             min_band: {}, optional: {}, is_default: {}, start: {start}, target: {target}, \
             ease_seconds: {ease_seconds} }},",
            band_text(&p.name, file, id, "name"),
            band_text(&p.about, file, id, "about"),
            p.technique.trim(),
            p.reference.trim(),
            band(&p.min_band, file),
            p.optional,
            p.default
        )
        .unwrap();
    }
    out.push_str("];\n\n");

    let pattern_ids: Vec<String> = breathing.pattern.iter().map(|p| p.id.clone()).collect();
    let prompt_ids = drawing_prompts(&mut out);
    let scene_ids = talk_scenes(&mut out);
    handouts(
        &mut out,
        [
            ("breathe", "Breathe", &pattern_ids),
            ("draw", "Draw", &prompt_ids),
            ("talk", "Talk", &scene_ids),
        ],
    );
    family_lessons(&mut out);
    family_scenes(&mut out);
    imagery(&mut out);
    letter(&mut out);

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    std::fs::write(dest, out).unwrap();
}

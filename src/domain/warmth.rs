//! Words that shame. CONTENT.md keeps them out of everything Tend says to a reader, and
//! the letter's warmth check ("does this sound like a kind friend talking?") points them
//! out, kindly, in what a person writes to themselves. One list for both.

/// The shame words CONTENT.md keeps out of every text aimed at the reader. The content
/// tests check Tend's own words against this list.
pub const SHAME_WORDS: [&str; 7] = [
    "should", "must", "failure", "wrong", "weak", "lazy", "stupid",
];

/// Harsh words a kind friend would not use about you, each with a gentler way to say
/// it. The shame words come first; then other words an inner critic often uses.
const HARSH: &[(&str, &str)] = &[
    ("should", "could"),
    ("must", "might"),
    ("failure", "someone who is still learning"),
    ("wrong", "not how I hoped"),
    ("weak", "worn out"),
    ("lazy", "tired, and needing a rest"),
    ("stupid", "still learning"),
    ("idiot", "still learning"),
    ("dumb", "still learning"),
    ("useless", "having a hard day"),
    ("pathetic", "hurting"),
    ("worthless", "worth caring for"),
    ("loser", "someone having a hard time"),
    ("hate", "find it hard"),
    ("ugly", "a person who deserves kindness"),
    ("disgusting", "struggling"),
    ("failed", "had a hard time"),
    ("fail", "have a hard time"),
];

/// A harsh word found in a text: as it was written, and a gentler way to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Harsh {
    pub word: String,
    pub kinder: &'static str,
}

/// Whether `word` (any case) is one of the shame words.
pub fn is_shame_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    SHAME_WORDS.contains(&lower.as_str())
}

/// The shame words in `text`, as lowercase words (empty when there are none).
pub fn shame_words(text: &str) -> Vec<String> {
    words(text)
        .map(str::to_lowercase)
        .filter(|w| SHAME_WORDS.contains(&w.as_str()))
        .collect()
}

/// The harsh words in `text`, each once, in the order they first appear. Whole words
/// only ("hatch" is not "hate"; "shouldn't" is "should").
pub fn harsh_words(text: &str) -> Vec<Harsh> {
    let mut found: Vec<Harsh> = Vec::new();
    for word in words(text) {
        let lower = word.to_lowercase();
        let Some(&(_, kinder)) = HARSH.iter().find(|(w, _)| *w == lower) else {
            continue;
        };
        if !found.iter().any(|h| h.word.to_lowercase() == lower) {
            found.push(Harsh {
                word: word.to_owned(),
                kinder,
            });
        }
    }
    found
}

/// The words of `text`: runs of letters and apostrophes, with a "n't" ending taken
/// off, so "shouldn't" gives "should" (and "can't" gives "ca", which is no harm).
fn words(text: &str) -> impl Iterator<Item = &str> {
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    text.split(move |c: char| !c.is_alphabetic() && !apostrophe(c))
        .map(move |w| {
            let w = w.trim_matches(apostrophe);
            w.strip_suffix("n't")
                .or_else(|| w.strip_suffix("n\u{2019}t"))
                .unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shame_word_is_a_harsh_word_with_a_kinder_one() {
        for word in SHAME_WORDS {
            let found = harsh_words(&format!("I feel {word} today"));
            assert_eq!(found.len(), 1, "{word}");
            assert!(!found[0].kinder.is_empty());
        }
    }

    #[test]
    fn harsh_words_are_found_whole_once_each_and_as_written() {
        let found = harsh_words("You're so Stupid. You shouldn't have. stupid, STUPID!");
        let words: Vec<&str> = found.iter().map(|h| h.word.as_str()).collect();
        assert_eq!(words, ["Stupid", "should"]);
        assert_eq!(harsh_words("I mustn\u{2019}t")[0].word, "must");
        assert_eq!(harsh_words("it's fine, I'm okay"), Vec::new());
        assert_eq!(found[0].kinder, "still learning");
    }

    #[test]
    fn kind_words_and_words_that_only_contain_a_harsh_one_pass() {
        for text in [
            "It makes sense that you feel tired. You're not alone in this.",
            "The eggs will hatch soon. A weakness? No: a weekend.",
            "Mustard on chips, and a shoulder to lean on.",
            "",
        ] {
            assert_eq!(harsh_words(text), Vec::new(), "{text:?}");
        }
    }

    #[test]
    fn the_kinder_words_are_kind_themselves() {
        for (word, kinder) in HARSH {
            assert!(harsh_words(kinder).is_empty(), "{word} -> {kinder}");
            assert!(shame_words(kinder).is_empty(), "{word} -> {kinder}");
        }
    }

    #[test]
    fn shame_words_are_the_content_rules_list() {
        assert_eq!(
            shame_words("You should know; you MUST try."),
            ["should", "must"]
        );
        assert!(is_shame_word("Lazy"));
        assert!(!is_shame_word("tired"));
    }
}

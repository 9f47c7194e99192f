//! Context rules on arbitrary input: a rule file (raw TOML, or a pattern built from the bytes so
//! that most inputs reach the matcher) applied to a text. Never a panic; errors name the file;
//! a rule file that loads has every pattern within the matcher's cost bound; the merged mentions
//! lie on the text's character boundaries, sorted, without overlap; and the matcher stays fast
//! (a slow input is reported by libFuzzer's `-timeout`: plain backtracking was exponential in the
//! repeated elements, the memoized search is linear in pattern length times longest match).
#![no_main]

use std::path::Path;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use newstag::rules::RuleFileSpec;
use newstag::gazetteer::Mention;
use newstag::rules::format::MAX_RULE_COST;
use newstag::rules::matcher::cost;
use newstag::rules::Rules;

/// Token conditions and quantifiers the built patterns are made of.
const CONDS: [&str; 8] = [
    "",
    r#"shape = "capitalized""#,
    r#"shape = ["capitalized", "upper"]"#,
    r#"shape = "lower""#,
    r#"lower = ["of", "the", "and", "said"]"#,
    r#"not_lower = ["said"], common = false"#,
    r#"in_lexicon = "ANY""#,
    r#"text = ["(", ")", ","], initial = false"#,
];
const OPS: [&str; 6] = [
    "",
    r#"op = "?""#,
    r#"op = "*""#,
    r#"op = "+""#,
    r#"repeat = [1, 3]"#,
    r#"op = "!""#,
];

/// A rule file built from bytes: each byte is one element (condition, quantifier, entity flag).
fn built_rule(bytes: &[u8]) -> String {
    let mut elems = Vec::new();
    for &b in bytes.iter().take(24) {
        let cond = CONDS[(b & 7) as usize];
        let op = OPS[((b >> 3) % 6) as usize];
        let entity = if b & 0x80 != 0 { "entity = true" } else { "" };
        let parts: Vec<&str> = [cond, op, entity].into_iter().filter(|s| !s.is_empty()).collect();
        elems.push(format!("{{ {} }}", parts.join(", ")));
    }
    format!(
        "[[rule]]\nname = \"fuzz\"\nlabel = \"PER\"\nheadlines = true\npriority = 2\npattern = [\n{}\n]\n",
        elems.join(",\n")
    )
}

const WORDS: [&str; 14] = [
    "Baku", "of", "the", "Ministry", "said", ".", "FSB", "Aliyev", "and", "\n", "Officials",
    "officials", "(", "Σίσυφος",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (src, text) = if selector & 1 == 0 {
        // Raw: the rule file and the text, split at the first NUL byte.
        let Ok(all) = std::str::from_utf8(rest) else {
            return;
        };
        let (src, text) = all.split_once('\0').unwrap_or((all, "Ilham Aliyev said in Baku."));
        (src.to_string(), text.to_string())
    } else {
        // Built: half the bytes make the pattern, the other half pick the words of the text.
        let (pattern, words) = rest.split_at(rest.len() / 2);
        let text: Vec<&str> = words
            .iter()
            .cycle()
            .take(words.len() * 8)
            .map(|&w| WORDS[w as usize % WORDS.len()])
            .collect();
        (built_rule(pattern), text.join(" "))
    };
    let spec = RuleFileSpec {
        name: "fuzz".into(),
        path: "fuzz.toml".into(),
        enabled: true,
        disable: vec![],
        languages: vec![],
    };
    let rules = match Rules::compile(&[(&spec, Path::new("fuzz.toml"), &src)]) {
        Ok(r) => r,
        Err(e) => {
            assert!(e.to_string().starts_with("fuzz.toml"), "{e}");
            return;
        }
    };
    for r in rules.rules() {
        assert!(cost(&r.elems) <= MAX_RULE_COST, "rule {} over the bound", r.name);
    }
    // Every "Aliyev" a lexicon mention, so `in_lexicon` conditions and overlaps are exercised.
    let mentions: Vec<Mention> = text
        .match_indices("Aliyev")
        .map(|(i, w)| Mention {
            start: i,
            end: i + w.len(),
            label: Arc::from("PER"),
            id: Arc::from("per:aliyev"),
            name: Arc::from("Aliyev"),
            lexicon: Arc::from("lex"),
        })
        .collect();
    let out = rules.apply(&text, mentions, "eng");
    let mut last = 0;
    for m in &out {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{m:?}");
        assert!(m.start >= last, "mentions overlap or are unsorted: {out:?}");
        last = m.end;
    }
});

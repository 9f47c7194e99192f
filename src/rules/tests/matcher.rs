//! The matcher's fast paths against the plain implementations they replace: the word-set bits
//! of [`Facts`] against the word sets, the memoized search against plain backtracking, the
//! prefilter's start tokens against its two conditions as written, and the indexed scan against
//! trying every rule at every token. On the seed corpus with the shipped rules, and on generated
//! rules and texts (proptests).

use super::*;
use crate::rules::matcher::{scan, Candidates, Hit, Index, Start};
use crate::rules::pattern::{cost, Cond, LexCheck};
use crate::rules::program::{Facts, Pattern, Program};
use crate::rules::search::{entity_ok, match_at, Doc, Memo};

/// Texts to check on: the seed corpus and a few made-up lines.
fn texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/")
        .map(|e| String::from_utf8_lossy(&std::fs::read(e.unwrap().path()).unwrap()).into())
        .collect();
    out.push(
        "Officials said. officials met President Ilham Aliyev and Zaur Shiriyev said \
              the Treaty of Moscow (FSB) ΣΊΣΥΦΟΣ Σίσυφος Ministry of Foreign Affairs"
            .into(),
    );
    out
}

/// `Doc::cond_ok` as written before the facts: straight from the word sets.
fn reference_cond(doc: &Doc<'_>, c: &Cond, i: usize) -> bool {
    let t = &doc.toks.tokens[i];
    let lower = doc.toks.lower(i);
    let written_lowercase = (0..doc.toks.len())
        .any(|k| doc.toks.tokens[k].shape == Shape::Lower && doc.toks.lower(k) == lower);
    let label = (t.mention != NO_MENTION).then(|| &*doc.mentions[t.mention as usize].label);
    (c.shapes == 0 || c.shapes & (1 << t.shape as u8) != 0)
        && c.initial.is_none_or(|want| want == t.initial)
        && c.text
            .as_ref()
            .is_none_or(|s| s.contains(&doc.text[t.start..t.end]))
        && c.lower.as_ref().is_none_or(|s| s.contains(lower))
        && c.not_lower.as_ref().is_none_or(|s| !s.contains(lower))
        && c.endings_ok(lower)
        && c.common.is_none_or(|want| want == written_lowercase)
        && match &c.lexicon {
            LexCheck::Any => true,
            LexCheck::In(None) => label.is_some(),
            LexCheck::In(Some(want)) => label == Some(&**want),
            LexCheck::NotIn(None) => label.is_none(),
            LexCheck::NotIn(Some(want)) => label != Some(&**want),
        }
}

#[test]
fn facts_agree_with_word_sets_and_prefilter_drops_no_match() {
    let rules = shipped();
    let program = Program::new(&rules.rules);
    for text in texts() {
        let toks = Tokens::new(&text, &[]);
        let facts = Facts::new(&program, &text, &toks);
        // Every capitalized token a "PER" mention, so the lexicon conditions are exercised.
        let mentions: Vec<Mention> = toks
            .tokens
            .iter()
            .filter(|t| t.shape == Shape::Capitalized && t.start % 3 == 0)
            .map(|t| Mention {
                start: t.start,
                end: t.end,
                label: "PER".into(),
                id: "per:x".into(),
                name: "x".into(),
                lexicon: "test".into(),
                resolved_by: "unique",
            })
            .collect();
        let mut toks = toks;
        toks.attach(&mentions);
        let doc = Doc::new(&text, &toks, &mentions, &facts);
        for (rule, pattern) in rules.rules.iter().zip(&program.patterns) {
            for i in 0..toks.len() {
                for (e, test) in rule.elems.iter().zip(&pattern.tests) {
                    assert_eq!(
                        doc.cond_ok(&e.cond, test, i),
                        reference_cond(&doc, &e.cond, i),
                        "rule {} token {:?}",
                        rule.name,
                        &text[toks.tokens[i].start..toks.tokens[i].end]
                    );
                }
                if let (Some(set), Some(id)) = (&rule.not_after, pattern.not_after) {
                    assert_eq!(facts.has(i, id), set.contains(toks.lower(i)));
                }
            }
        }
        // The memoized search agrees with plain backtracking everywhere, and the indexed,
        // prefiltered scan finds what trying every rule everywhere finds.
        for (r, rule) in rules.rules.iter().enumerate() {
            let mut memo = Memo::default();
            for i in 0..toks.len() {
                assert_eq!(
                    match_at(rule, &program.patterns[r], &doc, i, &mut memo),
                    reference_match_at(rule, &program.patterns[r], &doc, i),
                    "rule {} at token {i}",
                    rule.name
                );
            }
        }
        for (p, index) in rules.passes.iter().enumerate() {
            check_index(&rules.rules, &program, index, p as u8 + 1, &doc);
        }
    }
}

/// Checks the pass's indexed scan against trying every rule at every token, and each rule's
/// prefilter starts against [`reference_candidates`].
fn check_index(rules: &[Rule], program: &Program, index: &Index, pass: u8, doc: &Doc<'_>) {
    let mut candidates = Candidates::default();
    for &(r, start) in &index.rules {
        let pattern = &program.patterns[r as usize];
        let mut found = Vec::new();
        candidates.visit(pattern, start, doc, |i| found.push(i));
        assert_eq!(
            found,
            reference_candidates(pattern, start, doc),
            "rule {}",
            rules[r as usize].name
        );
    }
    let allowed = vec![true; rules.iter().map(|r| r.file + 1).max().unwrap_or(0)];
    assert_eq!(
        scan(rules, program, index, &allowed, doc),
        reference_scan(rules, program, pass, doc)
    );
}

/// The prefilter's two conditions as the module docs state them: the first element's check
/// admits token `i`, and each needed set has a token in `[i, i + span)`.
fn reference_candidates(pattern: &Pattern, start: Start, doc: &Doc<'_>) -> Vec<usize> {
    let n = doc.toks.len();
    (0..n)
        .filter(|&i| {
            start.admits(doc, i)
                && pattern
                    .needs
                    .iter()
                    .all(|&s| (i..n.min(i + pattern.span)).any(|k| doc.facts.has(k, s)))
        })
        .collect()
}

/// Every enabled rule of `pass` tried at every token by plain backtracking: what [`scan`]
/// must find, in its order (start token, then rule).
fn reference_scan(rules: &[Rule], program: &Program, pass: u8, doc: &Doc<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for i in 0..doc.toks.len() {
        for (r, rule) in rules.iter().enumerate() {
            if !rule.enabled || rule.pass != pass {
                continue;
            }
            if let Some((start, end)) = reference_match_at(rule, &program.patterns[r], doc, i) {
                hits.push(Hit {
                    start,
                    end,
                    rule: r as u16,
                    match_start: i,
                });
            }
        }
    }
    hits
}

/// The matcher as it was before the memo: plain backtracking, exponential in the repeated
/// elements. The reference the memoized search must agree with.
fn reference_search(
    rule: &Rule,
    pattern: &Pattern,
    doc: &Doc<'_>,
    start: usize,
    k: usize,
    j: usize,
    cap: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let Some(e) = rule.elems.get(k) else {
        return cap.filter(|&(s, e)| entity_ok(doc, s, e, rule.lowercase_end));
    };
    let test = &pattern.tests[k];
    let toks = &doc.toks.tokens;
    let usable = |i: usize| {
        i < toks.len()
            && (i == start || !toks[i].boundary)
            && (rule.headlines || !toks[i].titlecase)
    };
    if e.negated {
        if usable(j) && doc.cond_ok(&e.cond, test, j) {
            return None;
        }
        return reference_search(rule, pattern, doc, start, k + 1, j, cap);
    }
    let mut n = 0;
    while n < e.max as usize && usable(j + n) && doc.cond_ok(&e.cond, test, j + n) {
        n += 1;
    }
    for c in (e.min as usize..=n).rev() {
        let next = if e.capture && c > 0 {
            Some(cap.map_or((j, j + c), |(s, _)| (s, j + c)))
        } else {
            cap
        };
        if let Some(found) = reference_search(rule, pattern, doc, start, k + 1, j + c, next) {
            return Some(found);
        }
    }
    None
}

fn reference_match_at(
    rule: &Rule,
    pattern: &Pattern,
    doc: &Doc<'_>,
    start: usize,
) -> Option<(usize, usize)> {
    let toks = &doc.toks.tokens;
    if let Some(s) = pattern.not_after {
        if start > 0 && !toks[start].boundary && doc.facts.has(start - 1, s) {
            return None;
        }
    }
    reference_search(rule, pattern, doc, start, 0, start, None)
}

/// Token conditions and ops the generated rules are made of.
const CONDS: [&str; 11] = [
    r#"shape = "capitalized""#,
    r#"shape = ["capitalized", "upper"]"#,
    r#"shape = "lower""#,
    r#"lower = ["of", "the", "and"]"#,
    r#"not_lower = ["said"]"#,
    r#"in_lexicon = "ANY""#,
    // A rule's first element testing a label starts only on entities (`Start::Mention`); the
    // other label never matches.
    r#"in_lexicon = "PER""#,
    r#"in_lexicon = "LOC", shape = "capitalized""#,
    r#"text = ["Baku", "FSB"]"#,
    r#"lower = ["ministry", "officials"]"#,
    r#"lower = ["of"], shape = "lower""#,
];
const OPS: [&str; 6] = [
    "",
    r#", op = "?""#,
    r#", op = "*""#,
    r#", op = "+""#,
    r#", repeat = [2, 3]"#,
    r#", op = "!""#,
];
const WORDS: [&str; 12] = [
    "Baku",
    "of",
    "the",
    "Ministry",
    "said",
    ".",
    "FSB",
    "Aliyev",
    "and",
    "\n",
    "Officials",
    "officials",
];

/// A rule file with one rule from (condition, op) picks: `before` elements, then the entity
/// part, then the rest.
fn rule_file(elems: &[(usize, usize)], before: usize, entity: usize, headlines: bool) -> String {
    rule_def("r", elems, before, entity, headlines, 1)
}

/// One `[[rule]]` of a generated file (see [`rule_file`]); `before` and `entity` are clamped to
/// the pattern.
fn rule_def(
    name: &str,
    elems: &[(usize, usize)],
    before: usize,
    entity: usize,
    headlines: bool,
    pass: u8,
) -> String {
    let before = before.min(elems.len() - 1);
    let entity = entity.min(elems.len() - before);
    let mut pattern = Vec::new();
    for (i, &(c, o)) in elems.iter().enumerate() {
        let captured = i >= before && i < before + entity;
        // The entity part needs a token and cannot be negated: its first element is plain.
        let op = match (captured, i == before, OPS[o]) {
            (true, true, _) => "",
            (true, _, op) if op.contains('!') => "",
            (_, _, op) => op,
        };
        let ent = if captured { ", entity = true" } else { "" };
        pattern.push(format!("{{ {}{op}{ent} }}", CONDS[c]));
    }
    format!(
        "[[rule]]\nname = \"{name}\"\nlabel = \"PER\"\nheadlines = {headlines}\npass = {pass}\n\
         pattern = [\n{}\n]\n",
        pattern.join(",\n")
    )
}

/// A generated text of `WORDS`, its tokens (with every "Aliyev" a `PER` mention) and facts.
fn generated_doc(program: &Program, words: &[usize]) -> (String, Tokens, Vec<Mention>, Facts) {
    let text = words
        .iter()
        .map(|&w| WORDS[w])
        .collect::<Vec<_>>()
        .join(" ");
    let mut toks = Tokens::new(&text, &[]);
    let facts = Facts::new(program, &text, &toks);
    let mentions: Vec<Mention> = toks
        .tokens
        .iter()
        .filter(|t| text[t.start..t.end] == *"Aliyev")
        .map(|t| Mention {
            start: t.start,
            end: t.end,
            label: "PER".into(),
            id: "per:x".into(),
            name: "x".into(),
            lexicon: "test".into(),
            resolved_by: crate::gazetteer::resolved::UNIQUE,
        })
        .collect();
    toks.attach(&mentions);
    (text, toks, mentions, facts)
}

/// Compiles a generated rule file.
fn compile_generated(src: &str) -> crate::rules::format::RuleFile {
    crate::rules::format::compile(src, Path::new("p.toml")).unwrap_or_else(|e| panic!("{e}\n{src}"))
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(400))]
    /// The memoized search finds, at every start, exactly what plain backtracking finds.
    #[test]
    fn memoized_search_agrees_with_backtracking(
        elems in proptest::collection::vec((0..CONDS.len(), 0..OPS.len()), 1..7),
        before in 0usize..3,
        entity in 1usize..3,
        headlines in proptest::bool::ANY,
        words in proptest::collection::vec(0..WORDS.len(), 0..40),
    ) {
        let src = rule_file(&elems, before, entity, headlines);
        let file = compile_generated(&src);
        let program = Program::new(&file.rules);
        let (text, toks, mentions, facts) = generated_doc(&program, &words);
        let doc = Doc::new(&text, &toks, &mentions, &facts);
        let mut memo = Memo::default();
        for i in 0..toks.len() {
            let (rule, pattern) = (&file.rules[0], &program.patterns[0]);
            proptest::prop_assert_eq!(
                match_at(rule, pattern, &doc, i, &mut memo),
                reference_match_at(rule, pattern, &doc, i),
                "start {} in {:?} with\n{}", i, text, src
            );
        }
    }

    /// With several rules in two passes, the prefilter's starts are exactly the tokens passing
    /// its two conditions, and the indexed scan finds what trying every rule everywhere finds.
    #[test]
    fn prefiltered_scan_agrees_with_trying_everywhere(
        defs in proptest::collection::vec(
            (
                proptest::collection::vec((0..CONDS.len(), 0..OPS.len()), 1..6),
                0usize..3,
                1usize..3,
                proptest::bool::ANY,
                1u8..=2,
            ),
            1..6,
        ),
        words in proptest::collection::vec(0..WORDS.len(), 0..60),
    ) {
        let src: String = defs
            .iter()
            .enumerate()
            .map(|(n, (elems, before, entity, headlines, pass))| {
                rule_def(&format!("r{n}"), elems, *before, *entity, *headlines, *pass)
            })
            .collect();
        let file = compile_generated(&src);
        let program = Program::new(&file.rules);
        let (text, toks, mentions, facts) = generated_doc(&program, &words);
        let doc = Doc::new(&text, &toks, &mentions, &facts);
        for pass in 1..=2 {
            let index = Index::new(&file.rules, &program, pass);
            check_index(&file.rules, &program, &index, pass, &doc);
        }
    }
}

#[test]
fn shipped_rules_cost_little_per_token() {
    for rule in shipped().rules() {
        let c = cost(&rule.elems);
        assert!(
            c <= crate::gazetteer::check::SLOW_RULE_COST / 4,
            "rule {}: {c}",
            rule.name
        );
    }
}

#[test]
fn many_starred_elements_on_a_long_line_stay_linear() {
    let src = rule_file(
        &[
            (5, 2),
            (5, 2),
            (5, 2),
            (5, 2),
            (5, 2),
            (5, 2),
            (0, 0),
            (2, 0),
        ],
        6,
        1,
        true,
    );
    // Eight elements; all but the entity match any token ("in_lexicon" is never true here).
    let src = src.replace(r#"in_lexicon = "ANY", op = "*""#, r#"op = "*""#);
    let file = crate::rules::format::compile(&src, std::path::Path::new("p.toml")).unwrap();
    let program = Program::new(&file.rules);
    // One long line of capitalized words: the last element (lowercase) never matches.
    let text = "Alpha Beta Gamma Delta ".repeat(2_000);
    let toks = Tokens::new(&text, &[]);
    let facts = Facts::new(&program, &text, &toks);
    let doc = Doc::new(&text, &toks, &[], &facts);
    let started = std::time::Instant::now();
    let mut memo = Memo::default();
    for i in 0..toks.len() {
        assert_eq!(
            match_at(&file.rules[0], &program.patterns[0], &doc, i, &mut memo),
            None
        );
    }
    // Plain backtracking needs about 9^6 steps per start here (days for the line).
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}

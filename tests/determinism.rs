//! Determinism as a property: for random small corpora (mixed encodings, line endings, entity
//! names, boilerplate, binary and empty files, nested folders), a run at `--threads 1` and one
//! at `--threads 2` write byte-identical output.

mod support;

use proptest::prelude::*;

use support::env::Env;

/// Pieces a document is built from: entity names in several scripts and cases, boilerplate, line
/// ends of every kind, characters that normalization changes.
const PIECES: &[&str] = &[
    "Ilham Aliyev",
    "İlham Əliyev",
    "Baku",
    "BAKU",
    "Bakı",
    "Баку",
    "Москва",
    "UN",
    "the",
    "said",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "Related news\n",
    "e\u{301}",
    "\u{a0}",
    "\u{200b}",
    "ﬁ",
    "Moscow-based",
    "(Baku)",
    "«Aliyev»",
    "\t",
    ".",
    ",",
];

#[derive(Debug, Clone)]
enum Doc {
    Utf8(Vec<usize>),
    Utf16(Vec<usize>),
    Cp1251(Vec<usize>),
    Raw(Vec<u8>),
}

fn doc() -> impl Strategy<Value = Doc> {
    let pieces = prop::collection::vec(0..PIECES.len(), 0..60);
    prop_oneof![
        6 => pieces.clone().prop_map(Doc::Utf8),
        1 => pieces.clone().prop_map(Doc::Utf16),
        1 => pieces.prop_map(Doc::Cp1251),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Doc::Raw),
    ]
}

fn bytes(d: &Doc) -> Vec<u8> {
    let text = |p: &[usize]| p.iter().map(|&i| PIECES[i]).collect::<String>();
    match d {
        Doc::Utf8(p) => text(p).into_bytes(),
        Doc::Utf16(p) => {
            let mut b = vec![0xFF, 0xFE];
            b.extend(text(p).encode_utf16().flat_map(u16::to_le_bytes));
            b
        }
        Doc::Cp1251(p) => encoding_rs::WINDOWS_1251.encode(&text(p)).0.into_owned(),
        Doc::Raw(b) => b.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn same_output_at_one_and_two_threads(docs in prop::collection::vec((0..3usize, doc()), 1..40)) {
        let env = Env::new();
        for (i, (folder, d)) in docs.iter().enumerate() {
            let sub = ["", "x/", "x/y/"][*folder];
            env.write(&format!("corpus/{sub}{i:03}.txt"), &bytes(d));
        }
        let one = env.run(&["corpus", "--out", "one", "--threads", "1"]);
        let two = env.run(&["corpus", "--out", "two", "--threads", "2"]);
        prop_assert!(one.status.code().unwrap() <= 1, "{}", String::from_utf8_lossy(&one.stderr));
        prop_assert_eq!(one.status.code(), two.status.code());
        for ((name, a), (_, b)) in env.output("one").into_iter().zip(env.output("two")) {
            prop_assert!(a == b, "{} differs between 1 and 2 threads", name);
        }
        let lines = |f: &str| std::fs::read_to_string(env.path(f)).unwrap().lines().count();
        prop_assert_eq!(lines("one/annotations.jsonl") + lines("one/errors.jsonl"), docs.len());
    }
}

//! The shipped Russian rules (`rules/ru-news.toml`, with their word list files) on news
//! sentences, and their language filter.

use super::*;

#[test]
fn russian_rules() {
    let rules = shipped_ru();
    let lex: &[(&str, &str)] = &[("России", "LOC"), ("МИД России", "ORG"), ("Москвы", "LOC")];
    // (case, text, must be found as text/LABEL, must not be a rule entity)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "given + surname, genitive",
            "Акция прошла у дома Юрия Лужкова в центре.",
            &["Юрия Лужкова/PER"],
            &[],
        ),
        (
            "given + patronymic + surname, instrumental",
            "Встреча с Юрием Михайловичем Лужковым прошла вчера.",
            &["Юрием Михайловичем Лужковым/PER"],
            &[],
        ),
        (
            "initials + surname",
            "Письмо подписал А. С. Пушкин вчера.",
            &["А. С. Пушкин/PER"],
            &[],
        ),
        (
            "title + name",
            "Об этом рассказал пресс-секретарь Дмитрий Песков журналистам.",
            &["Дмитрий Песков/PER"],
            &[],
        ),
        (
            "title + org + name",
            "Об этом заявил глава МИД России Сергей Лавров на брифинге.",
            &["Сергей Лавров/PER", "МИД России/ORG"],
            &[],
        ),
        (
            "title + surname",
            "Об этом заявил губернатор Полтавченко на встрече.",
            &["Полтавченко/PER"],
            &[],
        ),
        (
            "name + speech verb",
            "Вчера Удальцов заявил о новой акции.",
            &["Удальцов/PER"],
            &[],
        ),
        (
            "quoted company",
            "Акции компании «Северный поток» выросли.",
            &["Северный поток/ORG"],
            &[],
        ),
        (
            "ministry, genitive, with the country",
            "Представители Министерства обороны России приехали.",
            &["Министерства обороны России/ORG"],
            &["России"],
        ),
        (
            "adjective + head",
            "Дело расследуют сотрудники Следственного комитета сейчас.",
            &["Следственного комитета/ORG"],
            &[],
        ),
        (
            "region",
            "Он живёт в Ленинградской области давно.",
            &["Ленинградской области/LOC"],
            &[],
        ),
        (
            "a verb ends an org name",
            "Затем Правительство уволило часть сотрудников.",
            &[],
            &["Правительство уволило", "Правительство уволило часть"],
        ),
        (
            "plural adjective is no name",
            "Затем Правозащитные организации выступили против.",
            &[],
            &["Правозащитные организации"],
        ),
        (
            "Latin media after a speech verb, not a person",
            "Об этом сообщает NEWSru.com со ссылкой на источники.",
            &["NEWSru.com/ORG"],
            &[],
        ),
        (
            "sentence-initial adverb",
            "Все согласились. Далее Герстенмайер сказал, что это так.",
            &[],
            &["Далее Герстенмайер"],
        ),
    ];
    for (name, text, want, never) in cases {
        let m = rules.apply(text, lexicon(text, lex), "rus");
        let got: Vec<String> = m
            .iter()
            .map(|m| format!("{}/{}/{}", &text[m.start..m.end], m.label, m.lexicon))
            .collect();
        for w in *want {
            assert!(
                got.iter().any(|g| g.starts_with(&format!("{w}/"))),
                "case {name}: want {w}, got {got:?}"
            );
        }
        for n in *never {
            assert!(
                !got.iter()
                    .any(|g| g.starts_with(&format!("{n}/")) && g.contains("/rule:")),
                "case {name}: {n} must not be a rule entity, got {got:?}"
            );
        }
    }
    assert!(
        rules.apply("Юрий Лужков", vec![], "eng").is_empty(),
        "Russian documents only"
    );
}

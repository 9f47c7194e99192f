//! End to end through the binary: Russian, Azerbaijani and Turkish news paragraphs tagged with a
//! small inflecting lexicon written here; every expected span is pinned exactly.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const PEOPLE: &str = "\
# id\tname\taliases\tlabel
per:vladimir-putin\tVladimir Putin\tВладимир Путин|Путин|Putin\tPER
per:ilham-aliyev\tIlham Aliyev\tИльхам Алиев|~Алиев|İlham Əliyev|~Əliyev|İlham Aliyev|~Aliyev\tPER
per:maria-zakharova\tMaria Zakharova\tМария Захарова|~Захарова\tPER
";

const PLACES: &str = "\
geonames:2017370\tRussia\tРоссия|Rusiya|Rusya|=РФ
geonames:587116\tAzerbaijan\tАзербайджан|Azərbaycan|Azerbaycan
geonames:587084\tBaku\tБаку|Bakı|Bakü
geonames:524901\tMoscow\tМосква|Moskva
geonames:1486209\tYekaterinburg\tЕкатеринбург
";

const ORGS: &str = "\
org:kremlin\tKremlin\tКремль
org:sk-russia\tInvestigative Committee of Russia\tСледственный комитет России|Следственный комитет|СК России
org:mfa-russia\tMinistry of Foreign Affairs of Russia\tМИД России|МИД РФ|МИД
org:fsb\tFederal Security Service\tФСБ
org:state-duma\tState Duma\tГосударственная дума
org:mfa-az\tMinistry of Foreign Affairs of Azerbaijan\tXarici İşlər Nazirliyi
";

const CONFIG: &str = r#"
[input]
paths = ["corpus"]

[[lexicons]]
name = "people"
path = "people.tsv"
label = "PER"
inflect = ["ru", "az", "tr"]

[[lexicons]]
name = "organizations"
path = "orgs.tsv"
label = "ORG"
inflect = ["ru", "az", "tr"]

[[lexicons]]
name = "places"
path = "places.tsv"
label = "LOC"
inflect = ["ru", "az", "tr"]
"#;

/// (file, text, gold (span, label, id) in order, annotated by the guideline; id `MISSED` marks a
/// gold mention the system is known to miss, counted as a false negative).
type Doc = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const DOCS: &[Doc] = &[
    (
        "ru1.txt",
        "Президент России Владимир Путин провёл телефонный разговор с Ильхамом Алиевым. По данным Кремля, стороны обсудили задержание граждан Азербайджана в Екатеринбурге. Следственный комитет России возбудил уголовное дело, а МИД России вызвал посла. Алиев заявил, что Баку ждёт объяснений от Москвы.\n",
        &[
            ("России", "LOC", "geonames:2017370"),
            ("Владимир Путин", "PER", "per:vladimir-putin"),
            ("Ильхамом Алиевым", "PER", "per:ilham-aliyev"),
            ("Кремля", "ORG", "org:kremlin"),
            ("Азербайджана", "LOC", "geonames:587116"),
            ("Екатеринбурге", "LOC", "geonames:1486209"),
            ("Следственный комитет России", "ORG", "org:sk-russia"),
            ("МИД России", "ORG", "org:mfa-russia"),
            ("Алиев", "PER", "per:ilham-aliyev"),
            ("Баку", "LOC", "geonames:587084"),
            ("Москвы", "LOC", "geonames:524901"),
        ],
    ),
    (
        "ru2.txt",
        "В Москве сотрудники ФСБ задержали двух уроженцев Азербайджана. Официальный представитель МИД России Мария Захарова заявила, что Россия не допустит давления на своих граждан. Позже Путину доложили о ходе расследования, которое ведёт Следственный комитет. В Государственной думе предложили обсудить отношения с Азербайджаном и Баку.\n",
        &[
            ("Москве", "LOC", "geonames:524901"),
            ("ФСБ", "ORG", "org:fsb"),
            ("Азербайджана", "LOC", "geonames:587116"),
            ("МИД России", "ORG", "org:mfa-russia"),
            ("Мария Захарова", "PER", "per:maria-zakharova"),
            ("Россия", "LOC", "geonames:2017370"),
            ("Путину", "PER", "per:vladimir-putin"),
            ("Следственный комитет", "ORG", "org:sk-russia"),
            ("Государственной думе", "ORG", "org:state-duma"),
            ("Азербайджаном", "LOC", "geonames:587116"),
            ("Баку", "LOC", "geonames:587084"),
        ],
    ),
    (
        "ru3.txt",
        "Глава МИД РФ прилетел в Баку, где встретился с Ильхамом Алиевым и супругой президента. Захаровой поручили прокомментировать итоги. Путиным было подписано распоряжение о работе Следственного комитета России в Екатеринбурге, а сотрудникам ФСБ поручено помочь Следственному комитету.\n",
        &[
            ("МИД РФ", "ORG", "org:mfa-russia"),
            ("Баку", "LOC", "geonames:587084"),
            ("Ильхамом Алиевым", "PER", "per:ilham-aliyev"),
            // Gold, but missed: "~Захарова" is context-only and the full name is not in the text.
            ("Захаровой", "PER", "MISSED"),
            ("Путиным", "PER", "per:vladimir-putin"),
            ("Следственного комитета России", "ORG", "org:sk-russia"),
            ("Екатеринбурге", "LOC", "geonames:1486209"),
            ("ФСБ", "ORG", "org:fsb"),
            ("Следственному комитету", "ORG", "org:sk-russia"),
        ],
    ),
    (
        "az1.txt",
        "Prezident İlham Əliyev Rusiya Prezidenti Vladimir Putinlə telefon danışığı aparıb. Əliyev Bakıda keçirilən görüşdə Rusiyanın mövqeyini tənqid edib. Xarici İşlər Nazirliyi Moskvaya etiraz notası göndərib. Bakının mövqeyi dəyişməz qalır, Rusiyadan isə rəsmi izahat gözlənilir.\n",
        &[
            ("İlham Əliyev", "PER", "per:ilham-aliyev"),
            ("Rusiya", "LOC", "geonames:2017370"),
            ("Vladimir Putinlə", "PER", "per:vladimir-putin"),
            ("Əliyev", "PER", "per:ilham-aliyev"),
            ("Bakıda", "LOC", "geonames:587084"),
            ("Rusiyanın", "LOC", "geonames:2017370"),
            ("Xarici İşlər Nazirliyi", "ORG", "org:mfa-az"),
            ("Moskvaya", "LOC", "geonames:524901"),
            ("Bakının", "LOC", "geonames:587084"),
            ("Rusiyadan", "LOC", "geonames:2017370"),
        ],
    ),
    (
        "az2.txt",
        "Azərbaycan Prezidenti İlham Əliyevin Moskvada keçirilən görüşü barədə məlumat yayılıb. Xarici İşlər Nazirliyinin açıqlamasında deyilir ki, Bakı ilə Moskva arasında dialoq davam edir. Əliyevə göndərilən məktubda Azərbaycanın mövqeyi əks olunub, Rusiyaya isə çağırış edilib.\n",
        &[
            ("Azərbaycan", "LOC", "geonames:587116"),
            ("İlham Əliyevin", "PER", "per:ilham-aliyev"),
            ("Moskvada", "LOC", "geonames:524901"),
            ("Xarici İşlər Nazirliyinin", "ORG", "org:mfa-az"),
            ("Bakı", "LOC", "geonames:587084"),
            ("Moskva", "LOC", "geonames:524901"),
            ("Əliyevə", "PER", "per:ilham-aliyev"),
            ("Azərbaycanın", "LOC", "geonames:587116"),
            ("Rusiyaya", "LOC", "geonames:2017370"),
        ],
    ),
    (
        "tr1.txt",
        "Azerbaycan Cumhurbaşkanı İlham Aliyev, Bakü'de düzenlenen toplantıda Rusya ile ilişkilerin geleceğini değerlendirdi. Putin ise Bakü'ye yapılacak ziyaretin ertelendiğini açıkladı. Aliyev, Rusya'nın tutumunu eleştirdi.\n",
        &[
            ("Azerbaycan", "LOC", "geonames:587116"),
            ("İlham Aliyev", "PER", "per:ilham-aliyev"),
            ("Bakü", "LOC", "geonames:587084"),
            ("Rusya", "LOC", "geonames:2017370"),
            ("Putin", "PER", "per:vladimir-putin"),
            ("Bakü", "LOC", "geonames:587084"),
            ("Aliyev", "PER", "per:ilham-aliyev"),
            ("Rusya", "LOC", "geonames:2017370"),
        ],
    ),
    (
        "en1.txt",
        "President Ilham Aliyev met Vladimir Putin in Moscow. Reporters in Baku quoted the Russian words Москве and Путина, and the Azerbaijani word Bakıda, in a story written in English for readers abroad.\n",
        // Generated forms stay out of English text: only the aliases as written match.
        &[
            ("Ilham Aliyev", "PER", "per:ilham-aliyev"),
            ("Vladimir Putin", "PER", "per:vladimir-putin"),
            ("Moscow", "LOC", "geonames:524901"),
            ("Baku", "LOC", "geonames:587084"),
        ],
    ),
];

fn setup(dir: &Path) {
    std::fs::write(dir.join("people.tsv"), PEOPLE).unwrap();
    std::fs::write(dir.join("places.tsv"), PLACES).unwrap();
    std::fs::write(dir.join("orgs.tsv"), ORGS).unwrap();
    std::fs::write(dir.join("newstag.toml"), CONFIG).unwrap();
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    for (name, text, _) in DOCS {
        std::fs::write(dir.join("corpus").join(name), text).unwrap();
    }
}

fn run(dir: &Path) -> Vec<Value> {
    let status = Command::new(env!("CARGO_BIN_EXE_newstag"))
        .current_dir(dir)
        .args(["run", "--quiet", "--out", "out"])
        .status()
        .unwrap();
    assert!(status.success(), "newstag run failed: {status}");
    std::fs::read_to_string(dir.join("out/annotations.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn inflected_mentions_in_russian_azerbaijani_and_turkish_news() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let records = run(dir.path());
    for (name, _, want) in DOCS {
        let rec = records.iter().find(|r| r["id"] == *name).unwrap();
        let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
        let got: Vec<(String, String, String)> = rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let (s, t) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                let span: String = text[s..t].iter().collect();
                assert_eq!(
                    span,
                    e["text"].as_str().unwrap(),
                    "doc {name}: text is the span as written"
                );
                (
                    span,
                    e["label"].as_str().unwrap().to_string(),
                    e["kb_id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String, String)> = want
            .iter()
            .filter(|(_, _, i)| *i != "MISSED")
            .map(|(s, l, i)| (s.to_string(), l.to_string(), i.to_string()))
            .collect();
        assert_eq!(got, want, "doc {name} (lang {})", rec["lang"]);
    }
}

#[test]
fn gold_scores_of_the_test_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let records = run(dir.path());
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (name, _, gold) in DOCS.iter().filter(|d| !d.0.starts_with("en")) {
        let rec = records.iter().find(|r| r["id"] == *name).unwrap();
        let mut got: Vec<(String, String)> = rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["text"].as_str().unwrap().to_string(),
                    e["label"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        for (span, label, _) in *gold {
            match got.iter().position(|(s, l)| s == span && l == label) {
                Some(at) => {
                    got.remove(at);
                    tp += 1;
                }
                None => fn_ += 1,
            }
        }
        fp += got.len();
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    let f1 = 2.0 * p * r / (p + r);
    eprintln!("ru/az/tr test paragraphs: tp {tp} fp {fp} fn {fn_}  P {p:.3} R {r:.3} F1 {f1:.3}");
    assert_eq!((tp, fp, fn_), (57, 0, 1), "counts of the pinned paragraphs");
}

#[test]
fn documents_are_routed_by_detected_language() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let records = run(dir.path());
    for (name, want) in [
        ("ru1.txt", "rus"),
        ("az1.txt", "aze"),
        ("tr1.txt", "tur"),
        ("en1.txt", "eng"),
    ] {
        let rec = records.iter().find(|r| r["id"] == name).unwrap();
        assert_eq!(rec["lang"]["code"], want, "doc {name}");
    }
}

//! The date vocabulary of [`super`]: month names, relative times and the filler words around a
//! date on a timestamp line, in English, Russian, German, French, Spanish, Italian, Portuguese,
//! Dutch, Polish and Czech. A leaf of word lists only, lowercase; the patterns are built from them.
//!
//! Policy: a month form is a whole word as pages print it (a name, its inflections, its
//! abbreviations without the dot); an abbreviation that is a common word elsewhere stays out when
//! a date without it reads the same ("out" for outubro). The lists grow as data: each word here is
//! covered by the date tests' tables, which read these lists.

/// Month forms by month number.
#[rustfmt::skip]
pub(super) static MONTHS: [(u32, &[&str]); 12] = [
    (1, &["january", "jan", "январь", "января", "январе", "янв", "januar", "jänner", "janvier",
        "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "stycznia", "styczeń",
        "ledna", "leden"]),
    (2, &["february", "feb", "февраль", "февраля", "феврале", "фев", "februar", "feber",
        "février", "fevrier", "févr", "fév", "febrero", "febbraio", "fevereiro", "fev",
        "februari", "lutego", "luty", "února", "únor"]),
    (3, &["march", "mar", "март", "марта", "марте", "мар", "märz", "mär", "mrz", "mars",
        "marzo", "março", "maart", "mrt", "marca", "marzec", "března", "březen"]),
    (4, &["april", "apr", "апрель", "апреля", "апреле", "апр", "avril", "avr", "abril", "abr",
        "aprile", "kwietnia", "kwiecień", "dubna", "duben"]),
    (5, &["may", "май", "мая", "мае", "mai", "mayo", "maggio", "mag", "maio", "mei", "maja",
        "maj", "května", "květen"]),
    (6, &["june", "jun", "июнь", "июня", "июне", "июн", "juni", "juin", "junio", "giugno",
        "giu", "junho", "czerwca", "czerwiec", "června", "červen"]),
    (7, &["july", "jul", "июль", "июля", "июле", "июл", "juli", "juillet", "juil", "julio",
        "luglio", "lug", "julho", "lipca", "lipiec", "července", "červenec"]),
    (8, &["august", "aug", "август", "августа", "августе", "авг", "août", "aout", "agosto",
        "ago", "augustus", "sierpnia", "sierpień", "srpna", "srpen"]),
    (9, &["september", "sept", "sep", "сентябрь", "сентября", "сентябре", "сен", "septembre",
        "septiembre", "setiembre", "settembre", "set", "setembro", "września", "wrzesień",
        "září"]),
    (10, &["october", "oct", "октябрь", "октября", "октябре", "окт", "oktober", "okt",
        "octobre", "octubre", "ottobre", "ott", "outubro", "października", "październik",
        "října", "říjen"]),
    (11, &["november", "nov", "ноябрь", "ноября", "ноябре", "ноя", "novembre", "noviembre",
        "novembro", "listopada", "listopad", "listopadu"]),
    (12, &["december", "dec", "декабрь", "декабря", "декабре", "дек", "dezember", "dez",
        "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "grudnia",
        "grudzień", "prosince", "prosinec"]),
];

/// A relative time, the number before the unit: "vor 3 Stunden", "il y a 2 jours",
/// "hace 5 minutos", "há 2 horas" (the words before the number, a space standing for any run of
/// spaces; then the units).
#[rustfmt::skip]
pub(super) static BEFORE_NUMBER: [(&[&str], &[&str]); 3] = [
    (&["vor"], &["sekunden", "sekunde", "sek", "minuten", "minute", "min", "stunden", "stunde",
        "std", "tagen", "tag", "wochen", "woche", "monaten", "monat", "jahren", "jahr"]),
    (&["il y a"], &["secondes", "seconde", "sec", "minutes", "minute", "min", "heures",
        "heure", "h", "jours", "jour", "semaines", "semaine", "mois", "ans", "an"]),
    (&["hace", "há"], &["segundos", "segundo", "seg", "minutos", "minuto", "min", "horas", "hora",
        "h", "días", "día", "dias", "dia", "semanas", "semana", "meses", "mes", "mês", "años",
        "año", "anos", "ano"]),
];

/// A relative time, the word after the unit: "3 ore fa", "2 uur geleden" (English "ago" and
/// Russian "назад" are [`super`]'s own pattern).
#[rustfmt::skip]
pub(super) static AFTER_UNIT: [(&[&str], &[&str]); 2] = [
    (&["fa"], &["secondi", "secondo", "minuti", "minuto", "min", "ore", "ora", "giorni", "giorno",
        "settimane", "settimana", "mesi", "mese", "anni", "anno"]),
    (&["geleden"], &["seconden", "seconde", "minuten", "minuut", "min", "uur", "dagen", "dag",
        "weken", "week", "maanden", "maand", "jaar", "jaren"]),
];

/// Today and yesterday (an apostrophe in "aujourd'hui" may be typographic).
#[rustfmt::skip]
pub(super) static DAYS: &[&str] = &[
    "heute", "gestern", "aujourd'hui", "aujourd’hui", "hier", "hoy", "ayer", "oggi", "ieri",
    "hoje", "ontem", "vandaag", "gisteren", "dzisiaj", "wczoraj", "dnes", "včera",
];

/// Words that may surround a date on a timestamp line.
#[rustfmt::skip]
pub(super) static FILLER: &[&str] = &[
    // en
    "at", "on", "updated", "update", "published", "posted", "last", "modified", "date", "time",
    "am", "pm", "a", "m", "p", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet",
    "cest", "eet", "eest", "bst", "msk", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt", "trt",
    "azt", "et", "pt", "ct", "local", "first", "created", "issued", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "and",
    // ru
    "г", "года", "год", "в", "обновлено", "обновлен", "опубликовано", "дата", "публикации",
    "время", "мск", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
    "воскресенье", "пн", "вт", "ср", "чт", "пт", "сб", "вс", "и",
    // de
    "uhr", "um", "stand", "erstellt", "aktualisiert", "veröffentlicht", "zuletzt", "publiziert",
    "datum", "mez", "mesz", "und", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "mo", "di", "mi", "do", "fr", "sa", "so",
    // fr
    "à", "le", "publié", "mis", "jour", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "h", "y",
    // es, pt
    "de", "del", "el", "las", "publicado", "actualizado", "atualizado", "em", "às", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "segunda", "terça",
    "quarta", "quinta", "sexta", "feira",
    // it
    "il", "alle", "pubblicato", "aggiornato", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "domenica",
    // nl
    "om", "op", "gepubliceerd", "bijgewerkt", "maandag", "dinsdag", "woensdag", "donderdag",
    "vrijdag", "zaterdag", "zondag",
    // pl, cs
    "opublikowano", "zaktualizowano", "aktualizováno", "publikováno",
];

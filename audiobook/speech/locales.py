"""The few words and written conventions each non-English language needs for its numbers.

One ``Locale`` per language, data only: separators, the words for percent, months and
currencies, and how dates and clock times are said. ``speech/foreign.py`` reads them; words
for the numbers themselves come from num2words. A language is covered only when it has an
entry here and num2words (checked at run time) speaks it; elsewhere digits are left to the
voice, which reads them in its own language. Japanese and Korean are left out on purpose:
num2words writes Japanese numbers in kanji, which eSpeak NG's Japanese voice cannot read
(it says "Chinese letter"), and Korean counts hours and objects with native numerals
num2words does not choose; both voices read digits correctly in their language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from num2words import CONVERTER_CLASSES



@dataclass(frozen=True, eq=False)
class Locale:
    """How one language writes and says numbers, dates, times, money and percentages."""

    n2w: str  # num2words language code
    thousands: str  # the characters that may group thousands ("." or " " or both)
    decimal_word: str  # said for the decimal comma
    fraction: str  # after the comma: "digits" one by one, "number" as a whole, "n2w" as num2words says
    percent: tuple[str, ...]  # one form, or Slavic one/few/many forms chosen by num2words
    months: tuple[str, ...]  # as written in a date (Russian and Polish: genitive)
    date: str  # spoken date: {day} {month} {year}
    date_no_year: str
    day: str  # "cardinal", "first" (only the 1st is an ordinal) or "ordinal"
    time: str  # spoken clock time from {H} (the hour phrase) and {m} (the minutes)
    time_whole: str  # a full hour, from {H}
    hour_phrase: str  # the hour phrase from {h}: "{h} Uhr", "{h} heures", "{h}"
    hour_one: str  # the hour phrase at one o'clock: "ein Uhr", "une heure" ("": as other hours)
    currencies: dict[str, tuple[str, ...]]  # code → names (one, many; Slavic one, few, many)
    cents_joiner: str = ""  # "zwölf Euro fünfzig", "doce euros con cincuenta"
    before_noun: tuple[tuple[str, str], ...] = ()  # "eins" → "ein" before "Euro", "Prozent"
    day_marks: str = ""  # what may follow a day number in a date: "\." (de), "er" (fr), "º" …
    month_joiner: str = " "  # between day and month, and month and year, as written: " de " (es, pt)
    year_word: str = ""  # absorbed after a written year: "года|г\." (ru), "roku|r\." (pl)
    time_dot_before: str = ""  # "14.30" is a time only after one of these words (a regex) …
    time_dot_after: str = ""  # … or before one of these
    time_h: bool = False  # "14h30", "14 h 30", "14h" are times (fr, pt)
    hour_word: str = ""  # absorbed after a time: "Uhr", "uur", "horas"
    year_reading: bool = False  # "1990" is said differently as a year (de, nl): num2words to='year'
    year_cues: str = ""  # words after which a four-digit number is a year
    ordinals: str = ""  # regex for a written ordinal: group "n" the number, group "mark"
    ordinal_forms: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # mark → word endings
    article_ordinals: dict[str, str] = field(default_factory=dict)  # de: article before "N." → ending ("": none)
    dot_ordinal_guard: bool = False  # "N. Word" may be an ordinal: never read as a cardinal
    scale_of: str = ""  # "un million d'euros": the word after million/milliard before a currency
    ordinal_cases: dict[str, tuple[str, str]] = field(default_factory=dict)  # ru: mark → case, gender
    date_cases: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", ""))  # ru: day, year
    genitive: tuple[tuple[str, str], ...] = ()  # pl: each ordinal word's ending → genitive
    hour_ordinal: tuple[tuple[str, str], ...] = ()  # pl: hours are feminine ordinals ("czternasta")
    hour_after: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # pl "o czternastej"
    minute_zero: str = ""  # said for the leading zero of "14:05" (ru "ноль", pl "zero")
    year_words: dict[str, tuple[str, str]] = field(default_factory=dict)  # ru: "году" → case, said
    signs: tuple[str, str] = ("", "")  # said for "-5 %" and "+3,5 %": minus, plus
    range_word: str = ""  # "2010–2012", "10-12 %": the word between ("bis", "à")
    scales: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Mio." → one, many names
    decade_suffix: str = ""  # de "1990er" → "neunzehnhundertneunziger"


MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
MONTHS_IT = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre")
MONTHS_PT = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
             "setembro", "outubro", "novembro", "dezembro")
MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
MONTHS_PL = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")

CURRENCY_SYMBOLS = {"R$": "BRL", "US$": "USD", "€": "EUR", "$": "USD", "£": "GBP",
                    "₽": "RUB", "¥": "JPY", "zł": "PLN", "Rp": "IDR"}
CURRENCY_CODES = ("EUR", "USD", "GBP", "BRL", "RUB", "JPY", "CHF", "PLN", "IDR")

ROMANCE_FEMININE = (("o", "a"),)  # "vigésimo primero" → "vigésima primera": each word's final o

LOCALES: dict[str, Locale] = {
    "de": Locale(
        "de", ". ", "Komma", "digits", ("Prozent",), MONTHS_DE, "{day} {month} {year}",
        "{day} {month}", "ordinal", "{H} {m}", "{H}", "{h} Uhr", "ein Uhr",
        {"BRL": ("Real", "Real"), "RUB": ("Rubel", "Rubel"), "JPY": ("Yen", "Yen"),
         "CHF": ("Franken", "Franken"), "PLN": ("Złoty", "Złoty"), "IDR": ("Rupiah", "Rupiah")},
        before_noun=(("eins", "ein"),), day_marks=r"\.", time_dot_after="Uhr",
        signs=("minus", "plus"), range_word="bis",
        scales={"Mio.": ("eine Million", "Millionen"), "Mrd.": ("eine Milliarde", "Milliarden")},
        hour_word="Uhr", year_reading=True, decade_suffix="er",
        year_cues=r"(?:[Jj]ahre?s?|[Ss]eit|[Aa]nno|[Ii]m Jahre?)", dot_ordinal_guard=True,
        article_ordinals={"": "r", "der": "", "die": "", "das": "", "den": "n", "dem": "n", "des": "n",
                          "am": "n", "im": "n", "vom": "n", "zum": "n", "beim": "n"},
    ),
    "fr": Locale(
        "fr", " ", "virgule", "number", ("pour cent",), MONTHS_FR, "{day} {month} {year}",
        "{day} {month}", "first", "{H} {m}", "{H}", "{h} heures", "une heure",
        {"BRL": ("réal", "réaux"), "RUB": ("rouble", "roubles"), "JPY": ("yen", "yens"),
         "CHF": ("franc suisse", "francs suisses"), "PLN": ("zloty", "zlotys"),
         "IDR": ("roupie", "roupies")},
        signs=("moins", "plus"), range_word="à",
day_marks=r"(?:er|ᵉʳ)", time_h=True, scale_of="de",
        ordinals=r"(?P<n>\d+)(?P<mark>ère|ere|re|er|ème|eme|e|nde|nd)\b",
        ordinal_forms={"re": (("premier", "première"),), "ère": (("premier", "première"),),
                       "ere": (("premier", "première"),), "nd": (("deuxième", "second"),),
                       "nde": (("deuxième", "seconde"),)},
    ),
    "es": Locale(
        "es", ". ", "coma", "number", ("por ciento",), MONTHS_ES, "{day} de {month} de {year}",
        "{day} de {month}", "cardinal", "{H} y {m}", "{H}", "{h}", "una",
        {"IDR": ("rupia", "rupias")}, cents_joiner="con ",
        before_noun=(("veintiuno", "veintiún"), ("uno", "un")), day_marks=r"\.?º",
        signs=("menos", "más"), range_word="a",
month_joiner=" de ", time_dot_after="horas", hour_word="horas", scale_of="de",
        ordinals=r"(?P<n>\d+)\.?(?P<mark>º|ª|er\b)",
        ordinal_forms={"ª": ROMANCE_FEMININE, "er": (("o", ""),)},
    ),
    "it": Locale(
        "it", ". ", "virgola", "number", ("per cento",), MONTHS_IT, "{day} {month} {year}",
        "{day} {month}", "first", "{H} e {m}", "{H}", "{h}", "una",
        {"BRL": ("real", "real"), "RUB": ("rublo", "rubli"), "JPY": ("yen", "yen"),
         "CHF": ("franco svizzero", "franchi svizzeri"), "PLN": ("zloty", "zloty"),
         "IDR": ("rupia", "rupie")},
        cents_joiner="e ", before_noun=(("uno", "un"),), day_marks=r"[°º]",
        signs=("meno", "più"),
        scales={"mln": ("un milione", "milioni"), "mld": ("un miliardo", "miliardi")},
time_dot_before="alle|dalle|ore", scale_of="di",
        ordinals=r"(?P<n>\d+)(?P<mark>°(?![CF])|º|ª)",
        ordinal_forms={"ª": ROMANCE_FEMININE},
    ),
    "pt": Locale(
        "pt", ". ", "vírgula", "number", ("por cento",), MONTHS_PT, "{day} de {month} de {year}",
        "{day} de {month}", "first", "{H} e {m}", "{H}", "{h} horas", "uma hora",
        {"BRL": ("real", "reais"), "RUB": ("rublo", "rublos"), "JPY": ("iene", "ienes"),
         "CHF": ("franco suíço", "francos suíços"), "PLN": ("zloty", "zlotys"),
         "IDR": ("rupia", "rupias")},
        signs=("menos", "mais"), range_word="a",
cents_joiner="e ", day_marks=r"\.?º", month_joiner=" de ", time_h=True, scale_of="de",
        ordinals=r"(?P<n>\d+)\.?(?P<mark>º|ª)", ordinal_forms={"ª": ROMANCE_FEMININE},
    ),
    "ru": Locale(
        "ru", " ", "", "n2w", ("процент", "процента", "процентов"), MONTHS_RU,
        "{day} {month} {year} года", "{day} {month}", "ordinal", "{H} {m}", "{H} ноль ноль",
        "{h}", "час",
        {"GBP": ("фунт", "фунта", "фунтов"), "JPY": ("иена", "иены", "иен"),
         "BRL": ("реал", "реала", "реалов"), "CHF": ("франк", "франка", "франков"),
         "IDR": ("рупия", "рупии", "рупий")},
        minute_zero="ноль",
        year_words={"год": ("n", "год"), "года": ("g", "года"), "году": ("p", "году"),
                    "годом": ("i", "годом"), "г.": ("g", "года")},
        signs=("минус", "плюс"),
        scales={"млн": ("миллион", "миллиона", "миллионов"),
                "млрд": ("миллиард", "миллиарда", "миллиардов")},
year_word=r"(?:года|г\.)",
        ordinals=r"(?P<n>\d+)-(?P<mark>ый|ий|ой|й|я|е|го|му|м|ю)(?!\w)",
        ordinal_cases={"ый": ("n", "m"), "ий": ("n", "m"), "ой": ("n", "m"), "й": ("n", "m"),
                       "я": ("n", "f"), "е": ("n", "n"), "го": ("g", "m"), "му": ("d", "m"),
                       "м": ("p", "m"), "ю": ("a", "f")},
        date_cases=(("g", "n"), ("g", "m")),
    ),
    "nl": Locale(
        "nl", ". ", "komma", "number", ("procent",), MONTHS_NL, "{day} {month} {year}",
        "{day} {month}", "cardinal", "{H} {m}", "{H}", "{h} uur", "één uur",
        {"BRL": ("real", "real"), "RUB": ("roebel", "roebel"), "JPY": ("yen", "yen"),
         "CHF": ("Zwitserse frank", "Zwitserse frank"), "PLN": ("zloty", "zloty"),
         "IDR": ("roepia", "roepia")},
        signs=("min", "plus"), range_word="tot",
        scales={"mln": ("een miljoen", "miljoen"), "mld": ("een miljard", "miljard")},
time_dot_after="uur", hour_word="uur", year_reading=True,
        year_cues=r"(?:[Ii]n|[Ss]inds|[Jj]aar)",
        ordinals=r"(?P<n>\d+)(?P<mark>ste|de|e)\b",
    ),
    "pl": Locale(
        "pl", " ", "przecinek", "number", ("procent",), MONTHS_PL,
        "{day} {month} {year} roku", "{day} {month}", "ordinal", "{H} {m}", "{H}", "{h}",
        "",
        {"GBP": ("funt", "funty", "funtów"), "RUB": ("rubel", "ruble", "rubli"),
         "JPY": ("jen", "jeny", "jenów"), "BRL": ("real", "reale", "reali"),
         "CHF": ("frank", "franki", "franków"), "IDR": ("rupia", "rupie", "rupii")},
        minute_zero="zero", hour_ordinal=(("y", "a"), ("i", "a")),
        hour_after={w: (("a", "ej"),) for w in ("o", "od", "do", "po")},
        signs=("minus", "plus"),
        scales={"mln": ("milion", "miliony", "milionów"), "mld": ("miliard", "miliardy", "miliardów")},
year_word=r"(?:roku|r\.)", dot_ordinal_guard=True, genitive=(("y", "ego"), ("i", "iego")),
    ),
    "id": Locale(
        "id", ".", "koma", "digits", ("persen",), MONTHS_ID, "{day} {month} {year}",
        "{day} {month}", "cardinal", "{H} {m}", "{H}", "{h}", "satu",
        {"EUR": ("euro", "euro"), "USD": ("dolar", "dolar"), "GBP": ("pound", "pound"),
         "BRL": ("real", "real"), "RUB": ("rubel", "rubel"), "JPY": ("yen", "yen"),
         "CHF": ("franc", "franc"), "PLN": ("zloty", "zloty"), "IDR": ("rupiah", "rupiah")},
        signs=("minus", "plus"), range_word="sampai",
time_dot_before="[Pp]ukul|[Jj]am", time_dot_after="WIB|WITA|WIT",
        ordinals=r"\bke-(?P<n>\d+)(?P<mark>)",
    ),
}


def locale_for(language: str) -> Locale | None:
    """The locale of ``language`` ("pt-BR" → Portuguese), None when it has no table or
    num2words does not speak it."""
    found = LOCALES.get((language or "").strip().lower().replace("_", "-").split("-")[0])
    return found if found and found.n2w in CONVERTER_CLASSES else None

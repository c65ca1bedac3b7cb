"""Words for numbers in a language other than English, from num2words and a ``Locale``.

Every function returns None when num2words cannot say the value, so the caller leaves the
digits as written for the voice; nothing here raises on a number.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from num2words import CONVERTER_CLASSES, num2words

from .locales import Locale
from .numbers import LARGEST_WORDED
NUM2WORDS_ERRORS = (ArithmeticError, InvalidOperation, KeyError, NotImplementedError,
                    TypeError, ValueError, IndexError)


@lru_cache(maxsize=8192, typed=True)  # typed: 2.0 (a decimal) is not said as 2
def _say(value: int | float, loc: Locale, **options: str) -> str | None:
    if abs(value) >= LARGEST_WORDED:
        return None
    try:
        return num2words(value, lang=loc.n2w, **options).replace(",", "").strip()
    except NUM2WORDS_ERRORS:
        return None


def _endings(words: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """Each word's ending replaced by the first pair that fits: 'vigésimo primero' → '…a …a'."""
    out = []
    for word in words.split(" "):
        for old, new in pairs:
            if word.endswith(old):
                word = word[: len(word) - len(old)] + new
                break
        out.append(word)
    return " ".join(out)


def cardinal(value: int, loc: Locale) -> str | None:
    return _say(value, loc)


def counted(value: int, loc: Locale) -> str | None:
    """A cardinal before a noun: 'ein Euro', 'veintiún euros', 'un per cento'."""
    words = cardinal(value, loc)
    if words is None:
        return None
    for old, new in loc.before_noun:
        if words.endswith(old):
            return words[: len(words) - len(old)] + new
    return words


def ordinal(value: int, loc: Locale, mark: str = "") -> str | None:
    """The ordinal a written mark asks for: fr '1re' → 'première', ru '5-го' → 'пятого'."""
    case = loc.ordinal_cases.get(mark)
    if case:
        words = _say(value, loc, to="ordinal", case=case[0], gender=case[1])
    else:
        words = _say(value, loc, to="ordinal")
    if words is None:
        return None
    return _endings(words, loc.ordinal_forms.get(mark, ()))


def ordinal_case(value: int, loc: Locale, case: str, gender: str = "m") -> str | None:
    """A Russian ordinal in a grammatical case: 2010, 'p' → 'две тысячи десятом' (году)."""
    return _say(value, loc, to="ordinal", case=case, gender=gender)


def year(value: int, loc: Locale) -> str | None:
    """'neunzehnhundertneunzig' where the language says years apart (de, nl), else the cardinal."""
    if loc.year_reading:
        return _say(value, loc, to="year")
    return cardinal(value, loc)


def date_day(value: int, loc: Locale, ending: str = "") -> str | None:
    """The day of a date: 'dreizehnten' (after 'am'), 'premier', 'тринадцатого', 'trzynastego'."""
    if loc.day == "cardinal" or (loc.day == "first" and value != 1):
        return cardinal(value, loc)
    if loc.date_cases[0][0]:
        return ordinal_case(value, loc, *loc.date_cases[0])
    words = ordinal(value, loc)
    if words is None:
        return None
    return _endings(words, loc.genitive) + (ending if loc.day == "ordinal" else "")


def date_year(value: int, loc: Locale) -> str | None:
    """The year of a date: ru 'две тысячи десятого', pl 'dwa tysiące dziesiątego', else ``year``."""
    if loc.date_cases[1][0]:
        return ordinal_case(value, loc, *loc.date_cases[1])
    if loc.genitive:
        words = ordinal(value, loc)
        return None if words is None else _endings(words, loc.genitive)
    return year(value, loc)


def hour(value: int, loc: Locale, before: str = "") -> str | None:
    """The hour phrase of a clock time: 'vierzehn Uhr', 'une heure', pl 'czternasta', and
    after the Polish 'o' (``before``) 'czternastej'."""
    if value == 1 and loc.hour_one:
        return loc.hour_one
    words = ordinal(value, loc) if loc.hour_ordinal else cardinal(value, loc)
    if words is None:
        return None
    if loc.hour_ordinal:
        words = _endings(_endings(words, loc.hour_ordinal), loc.hour_after.get(before, ()))
    return loc.hour_phrase.format(h=words)


def minutes(text: str, loc: Locale) -> str | None:
    """'30' → 'dreißig'; '05' → 'fünf', in Russian 'ноль пять'."""
    words = cardinal(int(text), loc)
    if words is not None and text.startswith("0") and loc.minute_zero:
        return f"{loc.minute_zero} {words}"
    return words


def number(whole: str, fraction: str | None, loc: Locale) -> str | None:
    """A written quantity, its thousands separators already removed: '1234', '5' → 'eintausend…
    Komma fünf'; leading zeros ('007') are read digit by digit."""
    if fraction is None:
        if len(whole) > 1 and whole.startswith("0"):
            return _digits(whole, loc)
        return cardinal(int(whole), loc)
    if loc.fraction == "n2w":
        try:
            return _say(float(Decimal(f"{whole}.{fraction}")), loc)
        except NUM2WORDS_ERRORS:
            return None
    head = cardinal(int(whole), loc)
    if loc.fraction == "number" and not fraction.startswith("0") and len(fraction) <= 3:
        tail = cardinal(int(fraction), loc)
    else:
        tail = _digits(fraction, loc)
    if head is None or tail is None:
        return None
    return f"{head} {loc.decimal_word} {tail}"


def digits(text: str, loc: Locale) -> str | None:
    """'030' → 'null drei null': each digit as its cardinal."""
    return _digits(text, loc)


def _digits(text: str, loc: Locale) -> str | None:
    words = [cardinal(int(ch), loc) for ch in text]
    return None if None in words else " ".join(w for w in words if w)


def _form(value: int, forms: tuple[str, ...], loc: Locale, fractional: bool = False) -> str:
    """The noun form after ``value``: one/many, or the Slavic one/few/many num2words picks
    (a fraction takes the 'few' form: 'две целых пять десятых процента')."""
    if len(forms) == 1:
        return forms[0]
    if len(forms) == 2:
        return forms[0] if value == 1 and not fractional else forms[1]
    if fractional:
        return forms[1]
    try:
        return CONVERTER_CLASSES[loc.n2w].pluralize(value, forms)
    except NUM2WORDS_ERRORS:
        return forms[-1]


def _name(value: int, code: str, loc: Locale) -> str | None:
    converter = CONVERTER_CLASSES[loc.n2w]
    forms = loc.currencies.get(code) or getattr(converter, "CURRENCY_FORMS", {}).get(code, (None,))[0]
    return _form(value, tuple(forms), loc) if forms else None


def _of(name: str, loc: Locale) -> str:
    """A currency after a million: 'd'euros', 'de euros', 'di euro'; German needs nothing."""
    if not loc.scale_of:
        return name
    if loc.n2w == "fr" and name[0] in "aeiouéh":
        return "d'" + name
    return f"{loc.scale_of} {name}"


def money(whole: int, cents: str | None, code: str, loc: Locale) -> str | None:
    """'12', '50', 'EUR' → 'zwölf Euro und fünfzig Cent' (num2words, where it knows the
    currency), else the count and the currency's name: 'zwölf Rubel fünfzig'."""
    converter = CONVERTER_CLASSES[loc.n2w]
    if cents and len(cents) > 2:
        amount, name = number(str(whole), cents, loc), _name(2, code, loc)
        return None if amount is None or name is None else f"{amount} {name}"
    cents = cents.ljust(2, "0") if cents else None
    if cents and int(cents) and code in getattr(converter, "CURRENCY_FORMS", {}) \
            and code not in loc.currencies and whole < LARGEST_WORDED:
        try:
            return converter.to_currency(Decimal(f"{whole}.{cents}"), currency=code).strip()
        except NUM2WORDS_ERRORS:
            pass
    amount, name = counted(whole, loc), _name(whole, code, loc)
    if amount is None or name is None:
        return None
    if whole >= 10**6 and whole % 10**6 == 0:
        name = _of(name, loc)
    spoken = f"{amount} {name}"
    tail = cardinal(int(cents), loc) if cents and int(cents) else None
    return f"{spoken} {loc.cents_joiner}{tail}" if tail else spoken


def percent(whole: int, fraction: str | None, loc: Locale) -> str | None:
    """'12', None → 'zwölf Prozent'; Russian picks 'процент', 'процента' or 'процентов'."""
    amount = counted(whole, loc) if fraction is None else number(str(whole), fraction, loc)
    if amount is None:
        return None
    return f"{amount} {_form(whole, loc.percent, loc, fraction is not None)}"


def scaled(whole: int, fraction: str | None, scale: str, code: str | None, loc: Locale) -> str | None:
    """'5', None, 'Mio.', 'EUR' → 'fünf Millionen Euro'; ru '5 млн рублей' → 'пять миллионов'."""
    forms = loc.scales[scale]
    if fraction is None and whole == 1 and len(forms) == 2:
        said = forms[0]
    else:
        amount = number(str(whole), fraction, loc)
        if amount is None:
            return None
        said = f"{amount} {_form(whole, forms, loc, fraction is not None or len(forms) == 2)}"
    if code is None:
        return said
    name = _name(LARGEST_WORDED - 5, code, loc)  # after a scale word the currency is plural
    return None if name is None else f"{said} {_of(name, loc)}"

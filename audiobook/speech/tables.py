"""Word tables the normaliser reads from: months, units, currencies, titles and acronyms.

Kept apart from the regex passes so a reader can see (and a producer can propose changes
to) exactly which abbreviations are expanded and which acronyms are read as words.
"""

from __future__ import annotations

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

MONTH_ABBREVIATIONS = {
    "Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April",
    "Jun": "June", "Jul": "July", "Aug": "August", "Sep": "September", "Sept": "September",
    "Oct": "October", "Nov": "November", "Dec": "December",
}

TIME_ZONES = ("GMT", "BST", "UTC", "CET", "CEST", "EET", "EST", "EDT", "CST", "CDT", "MST",
              "MDT", "PST", "PDT", "AEST", "AEDT", "IST", "JST", "ET", "PT")

# symbol → (singular, plural, minor singular, minor plural)
CURRENCIES = {
    "£": ("pound", "pounds", "penny", "pence"),
    "$": ("dollar", "dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"),
    "¥": ("yen", "yen", "", ""),
}

DOLLAR_PREFIXES = {
    "US": "US", "A": "Australian", "C": "Canadian", "NZ": "New Zealand", "HK": "Hong Kong",
    "S": "Singapore",
}

MAGNITUDES = {
    "k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion",
    "K": "thousand", "M": "million", "B": "billion", "BN": "billion", "T": "trillion",
    "thousand": "thousand",
    "million": "million", "billion": "billion", "trillion": "trillion",
}

# unit as written → (singular, plural). Units in SPACED_UNITS may also stand after a space.
UNITS = {
    "km/h": ("kilometre per hour", "kilometres per hour"),
    "km²": ("square kilometre", "square kilometres"),
    "m²": ("square metre", "square metres"),
    "sq ft": ("square foot", "square feet"),
    "sq km": ("square kilometre", "square kilometres"),
    "sq m": ("square metre", "square metres"),
    "sq mi": ("square mile", "square miles"),
    "kWh": ("kilowatt hour", "kilowatt hours"),
    "km": ("kilometre", "kilometres"),
    "kg": ("kilogram", "kilograms"),
    "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"),
    "mg": ("milligram", "milligrams"),
    "ml": ("millilitre", "millilitres"),
    "mph": ("mile per hour", "miles per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"),
    "ft": ("foot", "feet"),
    "in": ("inch", "inches"),
    "yd": ("yard", "yards"),
    "yds": ("yard", "yards"),
    "lb": ("pound", "pounds"),
    "lbs": ("pound", "pounds"),
    "oz": ("ounce", "ounces"),
    "st": ("stone", "stone"),
    "ha": ("hectare", "hectares"),
    "kW": ("kilowatt", "kilowatts"),
    "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"),
    "GHz": ("gigahertz", "gigahertz"),
    "MHz": ("megahertz", "megahertz"),
    "GB": ("gigabyte", "gigabytes"),
    "MB": ("megabyte", "megabytes"),
    "TB": ("terabyte", "terabytes"),
    "tsp": ("teaspoon", "teaspoons"),
    "tbsp": ("tablespoon", "tablespoons"),
    "Tbsp": ("tablespoon", "tablespoons"),
    "hrs": ("hour", "hours"),
    "mins": ("minute", "minutes"),
    "yrs": ("year", "years"),
    "°C": ("degree Celsius", "degrees Celsius"),
    "ºC": ("degree Celsius", "degrees Celsius"),
    "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "ºF": ("degree Fahrenheit", "degrees Fahrenheit"),
    "C": ("degree Celsius", "degrees Celsius"),
    "F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"),
    "MWh": ("megawatt hour", "megawatt hours"),
    "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"),
    "Wh": ("watt hour", "watt hours"),
    "mAh": ("milliamp hour", "milliamp hours"),
    "TW": ("terawatt", "terawatts"),
    "W": ("watt", "watts"),
    "kV": ("kilovolt", "kilovolts"),
    "V": ("volt", "volts"),
    "kHz": ("kilohertz", "kilohertz"),
    "Hz": ("hertz", "hertz"),
    "Mbps": ("megabit per second", "megabits per second"),
    "Gbps": ("gigabit per second", "gigabits per second"),
    "kbps": ("kilobit per second", "kilobits per second"),
    "KB": ("kilobyte", "kilobytes"),
    "kB": ("kilobyte", "kilobytes"),
    "PB": ("petabyte", "petabytes"),
    "dB": ("decibel", "decibels"),
    "fps": ("frame per second", "frames per second"),
    "rpm": ("revolution per minute", "revolutions per minute"),
    "psi": ("pound per square inch", "pounds per square inch"),
    "ppm": ("part per million", "parts per million"),
    "mpg": ("mile per gallon", "miles per gallon"),
    "kcal": ("kilocalorie", "kilocalories"),
    "bhp": ("brake horsepower", "brake horsepower"),
    "hp": ("horsepower", "horsepower"),
    "Nm": ("newton metre", "newton metres"),
    "nm": ("nanometre", "nanometres"),
    "µm": ("micrometre", "micrometres"),
    "μm": ("micrometre", "micrometres"),
    "µg": ("microgram", "micrograms"),
    "μg": ("microgram", "micrograms"),
    "ms": ("millisecond", "milliseconds"),
    "min": ("minute", "minutes"),
    "sec": ("second", "seconds"),
    "mi": ("mile", "miles"),
    "L": ("litre", "litres"),
    "h": ("hour", "hours"),
    "bn": ("billion", "billion"),
    "tn": ("trillion", "trillion"),
    "g": ("gram", "grams"),
    "l": ("litre", "litres"),
    "m": ("metre", "metres"),
}

SPACED_UNITS = frozenset({
    "km/h", "km²", "m²", "sq ft", "sq km", "sq m", "sq mi", "kWh", "km", "kg", "cm", "mm", "mg", "ml", "mph", "kph", "ft", "yd", "yds", "lb",
    "lbs", "oz", "tsp", "tbsp", "Tbsp", "ha", "kW", "MW", "GW", "GHz", "MHz", "GB", "MB", "TB", "hrs", "mins",
    "yrs", "°C", "ºC", "°F", "ºF", "bn", "tn",
    "MWh", "GWh", "TWh", "Wh", "mAh", "TW", "kV", "kHz", "Hz", "Mbps", "Gbps", "kbps", "KB",
    "kB", "PB", "dB", "fps", "rpm", "psi", "ppm", "mpg", "kcal", "bhp", "hp", "Nm", "nm",
    "µm", "μm", "µg", "μg", "min", "sec",
})  # the others ("5m", "5W", "5V", "5L", "5h", "5ms") only glued to their number

# What a unit is after "/" ("$0.04/kWh", "10 m/s"): a unit's singular, or these time words.
PER_UNITS = {"s": "second", "h": "hour", "hr": "hour", "min": "minute", "sec": "second"}

# After "5m", these words keep "metres" plural ("5m long", "10m away"); before any other
# word a metre reading is attributive and singular ("a 10m drop", "the 10m wall").
METRE_MEASURES = frozenset({
    "long", "high", "tall", "wide", "deep", "away", "above", "below", "across", "along",
    "from", "of", "off", "in", "into", "down", "up", "under", "over", "and", "or", "to",
    "for", "with", "at", "by", "on", "a", "an", "the", "is", "was", "were", "are", "as",
    "than", "per", "each", "but", "so", "this", "that", "last", "since", "after", "before",
})
# "5m" means metres (not millions) before these words, at the end, or before punctuation.
METRE_CUES = METRE_MEASURES | frozenset({
    "race", "sprint", "freestyle", "hurdles", "backstroke", "breaststroke", "butterfly",
    "medley", "relay", "final",
})

# What "/" means before these: "$9.99/month" is "nine dollars ninety-nine a month".
PER_WORDS = {
    "month": "month", "mo": "month", "year": "year", "yr": "year", "week": "week", "wk": "week",
    "day": "day", "hour": "hour", "hr": "hour", "night": "night", "person": "person",
}  # said with "a" ("a month", "an hour"): prices; other units after "/" take "per"

# Written before a name: always expanded.
TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Sgt": "Sergeant",
    "Cpl": "Corporal", "Capt": "Captain", "Col": "Colonel", "Gen": "General",
    "Lt": "Lieutenant", "Maj": "Major", "Adm": "Admiral", "Insp": "Inspector",
    "Det": "Detective", "Supt": "Superintendent", "Rev": "Reverend", "Revd": "Reverend",
    "Sen": "Senator", "Rep": "Representative", "Gov": "Governor", "Cllr": "Councillor",
    "Fr": "Father", "Hon": "Honourable", "Mt": "Mount", "Pte": "Private",
}

# Written before a name → first form; after a place name → second form.
NAME_OR_PLACE = {"Dr": ("Doctor", "Drive"), "St": ("Saint", "Street")}

# Written after a place name only.
PLACE_SUFFIXES = {"Rd": "Road", "Ave": "Avenue", "Sq": "Square", "Cres": "Crescent"}

# Stand-alone abbreviations, matched case-sensitively as written (the dot is optional
# where listed without one).
ABBREVIATIONS = {
    "e.g.": "for example", "eg": "for example", "i.e.": "that is", "ie": "that is",
    "etc.": "et cetera", "etc": "et cetera", "approx.": "approximately",
    "vs.": "versus", "vs": "versus", "Ltd": "Limited", "plc": "P L C", "Inc.": "Incorporated",
    "Inc": "Incorporated", "Corp.": "Corporation", "Corp": "Corporation",
    "Dept": "Department", "Govt": "Government", "Jr.": "Junior", "Jr": "Junior",
    "Snr": "Senior", "Jnr": "Junior", "Sr.": "Senior", "Sr": "Senior", "Bros.": "Brothers",
    "Bros": "Brothers",
}

# All-capital tokens always said as words (capitals.py), whatever the word list and shape say.
WORD_ACRONYMS = frozenset({
    "NATO", "NASA", "UNESCO", "UNICEF", "OFSTED", "OFCOM", "OFGEM", "OFWAT", "OPEC", "AIDS",
    "FIFA", "UEFA", "NAFTA", "ASEAN", "ISIS", "SARS", "MERS", "COVID", "NIMBY", "LASER",
    "RADAR", "SCUBA", "UNISON", "ACAS", "BAFTA", "DEFRA", "INTERPOL", "EUROPOL", "FEMA",
    "NICE", "OK", "UCAS", "ISA", "PIN", "SIM", "SWAT", "TED", "UNIFEM", "WASPI", "OXFAM",
    "MENCAP", "ASBO", "NAAFI", "CAP", "ERNIE", "NEET", "QUANGO", "SATS",
})

# All-capital tokens always spelled letter by letter (capitals.py), even where they look like words.
LETTER_ACRONYMS = frozenset({
    "AI", "EU", "UN", "UK", "US", "USA", "FBI", "CIA", "IRA", "ITV", "ID", "IT", "IOC", "IMF",
    "OECD", "UAE", "ECB", "ICU", "IVF", "IPO", "OBE", "MBE", "CBE", "ONS", "AGM", "AA", "PE",
    "EPA", "FDA", "CEO", "CFO", "COO", "OAP", "PA", "PR", "IOU", "UFO", "USB", "UNHCR", "WHO",
    "ICC", "IAEA", "IDF", "ANC", "AP", "AFP", "EA", "UTC", "EST", "EDT", "CET", "CEST", "EET",
    "AEST", "AEDT", "IST", "JST", "ET", "PDA", "MI", "RSPCA", "NSPCC", "ACPO", "IPCC", "DUP",
    "SNP", "UKIP", "RAF", "ATM", "AOL", "IBM", "HIV", "EEA", "NUS", "NUT", "UCU",
    "IPSO", "IFS", "OBR", "UEA", "UCL", "LSE", "RBS", "HSBC", "BA", "EDF", "SSE", "ISP",
    "VAT", "AWOL", "DIY", "ENT", "LA", "NI", "TUC", "CBI", "FA", "PTA", "OCD", "ADHD",
    "SEN", "RE", "GSOH", "GCSE", "POW", "DAB", "ESA", "EY", "IEA", "OPCW", "PSNI",
    "LED", "SEC", "MIT", "UPS", "AKA", "ETA", "ACT", "AD",
})  # the last row: common words in the word list that are, in capitals, initialisms

# Words a Roman numeral follows when it counts ("World War II" → "World War Two").
SEQUENCE_WORDS = frozenset({
    "War", "Chapter", "Part", "Volume", "Vol", "Book", "Act", "Scene", "Phase", "Stage",
    "Level", "Grade", "Class", "Type", "Category", "Section", "Article", "Title", "Series",
    "Season", "Episode", "Round", "Schedule", "Annex", "Appendix", "Bowl", "Apollo", "Mark",
    "Mk", "Division", "Tier", "Rocky", "Super", "Vatican", "Council",
})

# Capitalised words that are not names, so "I" after them is the pronoun.
NOT_NAMES = frozenset({
    "When", "Then", "So", "And", "But", "Yes", "No", "If", "As", "Now", "Here", "There",
    "What", "Why", "How", "Where", "Today", "Yesterday", "Tomorrow", "Maybe", "Perhaps",
    "Because", "Although", "Though", "Until", "Once", "After", "Before", "Since", "While",
    "Well", "Oh", "Actually", "Still", "Sometimes", "Also", "Honestly", "Frankly", "Nor", "Or",
    "Did", "Do", "Can", "Could", "Would", "Should", "Will", "Shall", "May", "Might", "Must",
    "Am", "Have", "Had", "Tonight", "Later", "Sir", "Madam", "Mum", "Dad", "Please", "Thanks",
    "That", "This", "Which", "Who", "Whom", "Whatever", "Unless", "Yet", "Even", "Only", "Just",
    "Obviously", "Clearly", "Sadly", "Luckily", "Hopefully", "Anyway", "Besides", "Meanwhile",
    "Again", "Never", "Always", "Often", "Indeed", "Instead", "Otherwise", "Thus", "Hence",
})

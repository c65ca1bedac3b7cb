"""US state abbreviations as American news writes them after a city or a party letter.

"Tulsa, Okla." and "Sen. Al Roe (R-Tenn.)" are read "Tulsa, Oklahoma" and "Senator Al
Roe, Republican of Tennessee". The abbreviations are those of the AP stylebook; the eight
states it never abbreviates are listed by name so that "R-Ohio" is read too. Sentence
splitting (segment/sentences.py) uses the same table: "Okla." there is not a sentence end.
Data only, shared by segment and speech, so neither imports the other.
"""

from __future__ import annotations

STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California",
    "Colo": "Colorado", "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida",
    "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas",
    "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts",
    "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire",
    "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina",
    "N.D": "North Dakota", "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania",
    "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota",
    "Tenn": "Tennessee", "Tex": "Texas", "Vt": "Vermont", "Va": "Virginia",
    "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming",
}
UNABBREVIATED_STATES = frozenset(
    {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah"}
)
PARTIES = {"D": "Democrat", "R": "Republican", "I": "Independent"}

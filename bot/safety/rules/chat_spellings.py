"""Chat spellings of the words the rules rely on ("k wil nie meer leve" reads "ik wil niet meer leven")."""

from __future__ import annotations

from bot.text import normalise

# The word -> its chat spellings. Not "pils" for "pillen": pils is beer.
SPELLINGS: dict[str, tuple[str, ...]] = {
    "zelfmoord": (
        "zelfmoort",
        "zelfmord",
        "zelfmoordt",
        "zelfmood",
        "zelmoord",
        "zefmoord",
        "selfmoord",
        "zelfmoor",
        "zelvmoord",
    ),
    "suicide": ("suicidaal", "suicidale", "suicidal", "suiside", "suicde", "zuicide", "suicidaliteit"),
    "leven": ("leve", "leuven", "levn", "lven", "levu"),
    "dood": ("dod", "doot"),
    "niet": ("nie", "nit", "niett", "ni", "niej"),
    "meer": ("mer", "meet"),
    "mezelf": ("mzelf", "mezelv", "mijzelf", "mezlf", "meself", "mezelluf"),
    "wil": ("wl", "will", "wik", "wiel"),
    "eind": ("ein", "eid", "ent"),
    "einde": ("ende", "eynde"),
    "ik": ("k", "ikke", "ick"),
    "het": ("t", "et"),
    "er": ("der", "d r", "r"),
    "aan": ("an", "aa"),
    "mijn": ("mien", "mn", "m n", "mun", "mijne"),
    "waard": ("weerd", "waart"),
    "waarom": ("wrm", "waarm", "warom"),
    "gewoon": ("gwn", "gewon", "gwoon"),
    "pillen": ("pille", "pilen"),
    "zijn": ("zijm", "zein", "zyn"),
    "wat": ("wa",),
    "maken": ("make", "maake"),
    "verzuipen": ("verzuipe", "verzuip"),
    "slikken": ("slikke", "slike"),
    "gesneden": ("gesnede", "gesneeden"),
    "genomen": ("gneomen", "genomne", "genoemn", "genomn"),
    "eigen": ("eige",),
    "heb": ("hep",),
    "een": ("n", "ne", "un"),
    "beeindigen": ("beindigen", "beeindige"),
}

_CORRECTIONS = {variant: word for word, variants in SPELLINGS.items() for variant in variants}


def correct_spellings(text: str) -> str:
    """Normalise the text and replace each chat spelling by the word it stands for."""
    return " ".join(_CORRECTIONS.get(word, word) for word in normalise(text).split())

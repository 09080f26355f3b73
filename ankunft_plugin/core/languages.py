"""Languages offered by facilities and needed by residents (nationalities → main language). No QGIS."""

from __future__ import annotations

import re

# Nationalities or countries (German/English names, ISO 3166 alpha-2) -> main language (ISO 639-1),
# so an area field with residents' main nationalities can be matched against offered languages.
NATIONALITY_LANGUAGE = {
    "tr": "tr", "turkey": "tr", "türkei": "tr", "turkish": "tr", "türkisch": "tr",
    "sy": "ar", "syria": "ar", "syrien": "ar", "iq": "ar", "iraq": "ar", "irak": "ar", "lb": "ar", "lebanon": "ar",
    "libanon": "ar", "arabic": "ar", "arabisch": "ar", "arabic countries": "ar", "arabische länder": "ar",
    "ua": "uk", "ukraine": "uk", "ukrainian": "uk", "ukrainisch": "uk",
    "ru": "ru", "russia": "ru", "russland": "ru", "russian": "ru", "russisch": "ru", "former soviet union": "ru",
    "ehemalige sowjetunion": "ru", "kz": "ru", "kazakhstan": "ru", "kasachstan": "ru",
    "pl": "pl", "poland": "pl", "polen": "pl", "polish": "pl", "polnisch": "pl",
    "bg": "bg", "bulgaria": "bg", "bulgarien": "bg", "ro": "ro", "romania": "ro", "rumänien": "ro", "rumania": "ro",
    "hr": "hr", "croatia": "hr", "kroatien": "hr", "rs": "sr", "serbia": "sr", "serbien": "sr",
    "ba": "bs", "bosnia": "bs", "bosnien": "bs", "bosnia herzegovina": "bs",
    "ir": "fa", "iran": "fa", "af": "fa", "afghanistan": "fa", "persian": "fa", "farsi": "fa", "dari": "fa",
    "vn": "vi", "vietnam": "vi", "vietnamese": "vi", "vietnamesisch": "vi",
    "it": "it", "italy": "it", "italien": "it", "es": "es", "spain": "es", "spanien": "es",
    "fr": "fr", "france": "fr", "frankreich": "fr", "gr": "el", "greece": "el", "griechenland": "el",
    "gb": "en", "united kingdom": "en", "uk-gb": "en", "us": "en", "united states": "en", "usa": "en", "english": "en",
    "at": "de", "austria": "de", "österreich": "de", "de": "de", "germany": "de", "deutschland": "de",
    "er": "ti", "eritrea": "ti", "so": "so", "somalia": "so", "ku": "ku", "kurdish": "ku", "kurdisch": "ku",
}
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def _language_tokens(text) -> list[str]:
    """Lower-case items of a list written as ``a,b`` / ``a; b`` / ``a|b`` / ``a/b`` (NULL/empty: none)."""
    if text is None:
        return []
    s = str(text).strip()
    if not s or s.upper() == "NULL":
        return []
    return [p for p in (part.strip().lower() for part in re.split(r"[,;|/]+", s)) if p]


def parse_languages(text) -> set[str]:
    """Offered languages: ``de,ar,tr`` / ``de; ar`` / ``Arabisch, Türkisch`` -> {'de','ar','tr'}."""
    return {p if _LANG_CODE.match(p) else NATIONALITY_LANGUAGE.get(p, p) for p in _language_tokens(text)}


def needed_languages(text) -> set[str]:
    """Residents' main nationalities or languages (ISO country codes, names or language codes)
    as language codes. A two-letter code is read as a country code where it is one (``SY`` -> ar,
    ``UA`` -> uk), else as a language code."""
    return {NATIONALITY_LANGUAGE.get(p, p) for p in _language_tokens(text)}



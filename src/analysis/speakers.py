"""Speaker registry and resolution of mentions to stable speaker ids.

The registry (``seeds/speakers.csv``) *improves* names: it maps spelling
variants and dated titles ("وزير الخارجية الروسي" in 2018 = Lavrov) to one
canonical id with Arabic and English names.  It does not find speakers: the
extractor finds them in the text, and any speaker absent from the registry
gets a stable id derived from the mention itself:

* ``unreg:<slug>`` where slug is the normalised name (or, for a title-only
  mention, the title) written with a fixed one-letter-per-letter ASCII table
  (``_SLUG``), words joined by "-".  Same mention text -> same id, in every
  run and on every machine; e.g. "مولود جاويش أوغلو" -> ``unreg:mwlwd-jawysh-awghlw``.
* ``speaker_en`` for unregistered speakers is a rule-based romanisation
  (``transliterate``): readable, not scholarly (no vowels are guessed except
  long ones, "ال" becomes "al-").

Registry CSV columns (edit in any spreadsheet):
``id, kind, gender, name_ar, name_en, variants, titles, affiliation``;
``variants`` and ``titles`` hold several values separated by "|"; a title is
``text@FROM-TO`` (years, either end may be empty: ``وزير الخارجية الروسي@2004-``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl

from analysis.text import normalize_for_matching


@dataclass(frozen=True)
class Speaker:
    speaker_id: str
    name_ar: str
    name_en: str
    kind: str  # person | organization | group | unknown
    gender: str | None = None  # m | f | None
    registered: bool = False


@dataclass
class _Entry:
    speaker: Speaker
    titles: list[tuple[frozenset, int | None, int | None]]
    title_texts: list[tuple[str, int | None, int | None]] = field(default_factory=list)


@dataclass
class Registry:
    by_name: dict[str, _Entry] = field(default_factory=dict)
    by_title: dict[frozenset, list[tuple[_Entry, int | None, int | None]]] = field(default_factory=dict)
    entries: list[_Entry] = field(default_factory=list)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> every spelling (for evaluation)
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # resolve() results

    def __len__(self) -> int:
        return len(self.entries)


# --- keys --------------------------------------------------------------------

_MARKS_ONLY = re.compile("[\u064b-\u065f\u0670\u0640]")
_NON_LETTER = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
# Foreign names are spelt with غ or ج (Sergey: سيرغي/سيرجي), ة or ه at the end.
_NAME_FOLD = str.maketrans({"إ": "ا", "غ": "ج", "ة": "ه", "ؤ": "و", "ئ": "ي", "ى": "ي", "ـ": None})


@lru_cache(maxsize=65536)
def name_key(s: str) -> str:
    """Key for name lookup: normalised, punctuation-free, spelling-folded."""
    s = normalize_for_matching(s).translate(_NAME_FOLD)
    s = _NON_LETTER.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


# Words that do not distinguish one title from another.
_TITLE_FILLER = {"رسم", "رسمي", "وزار", "باسم", "في", "لدي", "الي", "ل", "دايم", "خاص", "الخاص"}


@lru_cache(maxsize=65536)
def _stem(tok: str) -> str:
    """Crude stem for comparing title words: الروسية / روسيا / الروسي -> روس."""
    for p in ("وال", "بال", "لل", "ال"):
        if tok.startswith(p) and len(tok) > len(p) + 2:
            tok = tok[len(p) :]
            break
    for suf in ("يون", "يين", "يه", "يا", "ه", "ي"):
        if tok.endswith(suf) and len(tok) > len(suf) + 2:
            return tok[: -len(suf)]
    return tok


def title_key(s: str) -> frozenset:
    """Order-free key of a title: stems of its words minus filler words."""
    stems = {_stem(t) for t in name_key(s).split()}
    return frozenset(stems - _TITLE_FILLER)


# --- transliteration ---------------------------------------------------------

_SLUG = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "e", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ة": "a", "ء": "", "ؤ": "w", "ئ": "y",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}


@lru_cache(maxsize=65536)
def slugify(s: str) -> str:
    """ASCII slug, fixed table, letter by letter (stable, reversible enough)."""
    words = []
    for w in normalize_for_matching(s).split():
        out = "".join(_SLUG.get(c, c.lower() if c.isascii() and c.isalnum() else "") for c in w)
        if out:
            words.append(out)
    return "-".join(words) or "x"


_VOWELISH = {"ا": "a", "و": "u", "ي": "i"}


@lru_cache(maxsize=65536)
def transliterate(s: str) -> str:
    """Readable romanisation for unregistered names (rule-based, approximate)."""
    words = []
    for w in normalize_for_matching(s).split():
        prefix = ""
        if w.startswith("ال") and len(w) > 3:
            prefix, w = "al-", w[2:]
        out = []
        for i, c in enumerate(w):
            prev_cons = i > 0 and w[i - 1] not in "اوي"
            if c in "وي" and prev_cons and i > 0:
                out.append(_VOWELISH[c])  # long vowel after a consonant
            elif c == "ا":
                out.append("a")
            else:
                out.append(_SLUG.get(c, c if c.isascii() else ""))
        word = "".join(out)
        if word:
            words.append(prefix + word[:1].upper() + word[1:])
    return " ".join(words)


# --- loading -----------------------------------------------------------------


def default_registry_path() -> Path:
    """seeds/speakers.csv of the checkout; a packaged copy when installed."""
    here = Path(__file__).resolve()
    for base in (here.parents[2], here.parent):
        p = base / "seeds" / "speakers.csv"
        if p.exists():
            return p
    try:  # installed wheel with analysis/seeds/speakers.csv as package data
        from importlib.resources import files

        p = Path(str(files("analysis") / "seeds" / "speakers.csv"))
        if p.exists():
            return p
    except Exception:  # pragma: no cover - only reached in odd installs
        pass
    return here.parents[2] / "seeds" / "speakers.csv"


def _parse_years(spec: str) -> tuple[int | None, int | None]:
    a, _, b = spec.partition("-")
    return (int(a) if a.strip() else None, int(b) if b.strip() else None)


def load_registry(path: str | Path | None = None) -> Registry:
    path = Path(path) if path is not None else default_registry_path()
    reg = Registry()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if not (row.get("id") or "").strip():
                continue
            sp = Speaker(
                speaker_id=row["id"].strip(),
                name_ar=row["name_ar"].strip(),
                name_en=(row.get("name_en") or "").strip(),
                kind=(row.get("kind") or "person").strip() or "person",
                gender=(row.get("gender") or "").strip() or None,
                registered=True,
            )
            titles, texts = [], []
            for t in (row.get("titles") or "").split("|"):
                if not t.strip():
                    continue
                text, _, years = t.partition("@")
                start, end = _parse_years(years) if years else (None, None)
                titles.append((title_key(text), start, end))
                texts.append((text.strip(), start, end))
            entry = _Entry(sp, titles, texts)
            reg.entries.append(entry)
            names = [sp.name_ar] + [v.strip() for v in (row.get("variants") or "").split("|") if v.strip()]
            reg.aliases[sp.speaker_id] = tuple(names)
            for n in names:
                reg.by_name.setdefault(name_key(n), entry)
            for key, start, end in titles:
                reg.by_title.setdefault(key, []).append((entry, start, end))
    return reg


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_registry(default_registry_path())
    return _DEFAULT


# --- resolution --------------------------------------------------------------


def lookup_name(name: str, registry: Registry) -> Speaker | None:
    if not name:
        return None
    key = name_key(name)
    e = registry.by_name.get(key)
    if e is None and key.startswith("ال"):
        e = registry.by_name.get(key[2:])
    return e.speaker if e else None


def titles_held(speaker_id: str, year: int | None, registry: Registry) -> tuple[str, ...]:
    """The registry's titles of a speaker in ``year`` (all of them when None)."""
    key = ("titles_held", speaker_id, year)
    if key not in registry.memo:
        entry = next((e for e in registry.entries if e.speaker.speaker_id == speaker_id), None)
        registry.memo[key] = tuple(text for text, start, end in (entry.title_texts if entry else [])
                                   if year is None or ((start is None or start <= year) and (end is None or year <= end)))
    return registry.memo[key]


def title_holders(title: str, year: int | None, registry: Registry) -> list[Speaker]:
    """Everyone the registry lists with ``title`` in ``year`` (any year when None)."""
    if not title:
        return []
    hits = registry.by_title.get(title_key(title), [])
    holders = {entry.speaker.speaker_id: entry.speaker for entry, start, end in hits
               if year is None or ((start is None or start <= year) and (end is None or year <= end))}
    return list(holders.values())


def lookup_title(title: str, year: int | None, registry: Registry) -> Speaker | None:
    holders = title_holders(title, year, registry)
    if year is not None and len(holders) > 1:
        return None  # two held it that year (تيلرسون then بومبيو in 2018): the text must say who
    return holders[0] if holders else None


def _same_surname(name: str, registered: str) -> bool:
    a, b = name_key(name).split(), name_key(registered).split()
    return bool(a and b) and a[-1] == b[-1]


def resolve(
    mention: str,
    title: str | None,
    year: int | None,
    registry: Registry | None = None,
    *,
    kind: str = "unknown",
    gender: str | None = None,
) -> Speaker:
    """Speaker for a mention (name part, possibly with a title in front).

    ``title`` is the title part if the caller split it off (may be None); a
    mention that *is* only a title is passed as mention=title.  Registry by
    name first, then by title valid in ``year``, else an ``unreg:`` speaker.
    """
    registry = registry if registry is not None else default_registry()
    key = (mention, title, year, kind, gender)
    hit = registry.memo.get(key)
    if hit is None:
        hit = _resolve(mention, title, year, registry, kind, gender)
        if len(registry.memo) < 200_000:
            registry.memo[key] = hit
    return hit


def _resolve(mention, title, year, registry, kind, gender) -> Speaker:
    mention = (mention or "").strip()
    name = mention
    if title and name_key(mention).startswith(name_key(title)):
        name = mention[len(title) :].strip() if mention.startswith(title) else ""
    sp = lookup_name(name, registry) if name else None
    if sp is None and name and name != mention:
        sp = lookup_name(mention, registry)
    if sp is None and title:
        sp = lookup_title(title, year, registry)
        if sp is not None and name and not _same_surname(name, sp.name_ar):
            sp = None  # "رئيس الوزراء البريطاني بوريس جونسون" is not the role holder the registry knows
    if sp is None and not name and mention:
        sp = lookup_title(mention, year, registry) or lookup_name(mention, registry)
    if sp is not None:
        return sp
    basis = name or title or mention
    label = basis.strip()
    return Speaker(
        speaker_id="unreg:" + slugify(label),
        name_ar=_MARKS_ONLY.sub("", label),
        name_en=transliterate(label),
        kind=kind,
        gender=gender,
        registered=False,
    )


# Unnamed sources ("قال مصدر عسكري", "أفادت مصادر محلية", "قال شهود"): the same
# words in two articles are not the same speaker, so their ids are scoped to
# the document instead of pooling every "مصدر" of a corpus into one speaker.
ANONYMOUS_HEAD = (
    r"^(?:ال)?(?:مصدر|مصادر|شاهد|شهود|مسؤول|مسؤولون|مسؤولين|مسئول|مسئولون|مسئولين|خبير|خبراء|"
    r"محلل|محللون|محللين|مراقب|مراقبون|مراقبين|تقرير|تقارير|بعض|كثيرون|باحث|باحثون|باحثين|"
    r"ناشط|ناشطون|ناشطين|سكان|أوساط|اوساط|دوائر|جهات)(?:\s|$)"
)


def scope_anonymous_sources(statements: pl.DataFrame) -> pl.DataFrame:
    """Give unregistered unnamed sources a per-document id: ``anon:<slug>@<doc_id>``."""
    anonymous = pl.col("speaker_id").str.starts_with("unreg:") & pl.col("speaker_name").str.contains(ANONYMOUS_HEAD)
    scoped = pl.concat_str([pl.lit("anon:"), pl.col("speaker_id").str.slice(len("unreg:")), pl.lit("@"), pl.col("doc_id")])
    return statements.with_columns(pl.when(anonymous).then(scoped).otherwise(pl.col("speaker_id")).alias("speaker_id"))

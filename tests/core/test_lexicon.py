"""The language files: every key is read and documented, and a new language needs no code."""

import shutil
import tomllib

import pytest

from reader.core.analysis import lexicon

LANG = lexicon.DATA
KEYS = {*lexicon.ARTICLE_KEYS, *lexicon.EVERYWHERE_KEYS, *lexicon.SETTING_KEYS, "attribution", "lends"}
LANGUAGE_FILES = sorted(p for p in LANG.glob("*.toml") if p.stem != lexicon.COMMON)


def read(path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_the_languages_are_the_files_present():
    assert lexicon.languages() == tuple(p.stem for p in LANGUAGE_FILES)
    assert {"de", "en", "es", "fr", "it"} <= set(lexicon.languages())


def test_the_place_builder_knows_every_language():
    """tools/build_places.py takes a language's CLDR names only if it is listed."""
    listed = read(LANG.parents[3] / "tools" / "places_languages.toml")
    assert set(listed) == set(lexicon.languages())


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.name)
def test_every_language_file_has_every_key_and_no_unknown_one(path):
    keys = set(read(path))
    assert not KEYS - keys, f"{path.name} lacks {sorted(KEYS - keys)}"
    assert not keys - KEYS, f"{path.name} has keys the analysis never reads: {sorted(keys - KEYS)}"


@pytest.mark.parametrize("path", LANGUAGE_FILES, ids=lambda p: p.name)
def test_word_lists_are_casefolded_and_unique(path):
    for key, values in read(path).items():
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            assert all(v == v.casefold() for v in values), (path.name, key)
            assert len(values) == len(set(values)), (path.name, key)


def test_every_key_is_documented():
    readme = (LANG / "README.md").read_text(encoding="utf-8")
    common = read(LANG / "common.toml")
    keys = KEYS | set(common) | set(common["fallback"])
    assert not {k for k in keys if f"`{k}`" not in readme and f"`[{k}" not in readme}


def test_common_settings_cover_every_setting():
    assert set(read(LANG / "common.toml")["fallback"]) == set(lexicon.SETTING_KEYS)


def test_a_language_without_a_file_reads_every_files_lists():
    union = lexicon.get("nl")
    for code in lexicon.languages():
        own = lexicon.get(code)
        assert own.speech_verbs <= union.speech_verbs and own.org_cues <= union.org_cues
    assert union.stopwords == frozenset()  # five languages' function words would hide a sixth's words
    assert union.name_heads == {0, -1} and not union.capitalises_nouns


def test_borrowed_lists_and_lists_read_everywhere():
    italian, english, german = lexicon.get("it"), lexicon.get("en"), lexicon.get("de")
    assert "chief" in italian.person_titles  # English lends its titles...
    assert "inc" in german.org_words  # ...and organisation words
    assert "september" in italian.months and "settembre" in english.months
    assert "zufolge" in italian.attribution_after and "-il" in german.pronoun_suffixes
    assert ("zufolge",) in german.attribution and ("zufolge",) not in italian.attribution  # the article's lists stay its own


@pytest.fixture
def lang_copy(tmp_path, monkeypatch):
    """A copy of lang/ the lexicon reads instead of the real one."""
    copy = tmp_path / "lang"
    shutil.copytree(LANG, copy)
    monkeypatch.setattr(lexicon, "DATA", copy)
    _forget()
    yield copy
    _forget()


def _forget():
    for cached in (lexicon.languages, lexicon._raw, lexicon.get):
        cached.cache_clear()


def test_a_new_language_is_one_file(lang_copy):
    (lang_copy / "pt.toml").write_text(
        '\n'.join(
            [
                'stopwords = ["de", "o", "que"]',
                'speech_verbs = ["afirmou", "disse"]',
                'months = ["setembro"]',
                'compass_words = ["leste"]',
                "name_heads = [0]",
                'stemming = [[{ ending = "s", min_stem = 4 }]]',
            ]
        ),
        encoding="utf-8",
    )
    assert "pt" in lexicon.languages()
    portuguese = lexicon.get("pt")
    assert portuguese.speech_verbs == {"afirmou", "disse"}  # its own lists, no longer the union
    assert portuguese.name_heads == {0} and portuguese.head_before == ()  # missing settings: the fallback
    assert lexicon.strip_endings("ministros", portuguese.stemming) == "ministro"  # its own, not borrowed
    assert "setembro" in lexicon.get("it").months and "leste" in lexicon.get("de").compass_words
    assert "disse" in lexicon.get("nl").speech_verbs  # and it joins the union

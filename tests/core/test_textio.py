"""Decoding and cleaning: every encoding the reader accepts gives the same text."""

import pytest

from reader.core.article import MAX_BYTES, clean, decode, read_source
from reader.core.errors import InputError

ITALIAN = "Città, perché è così: «l'attività» costa 5 €.\nSeconda riga — fine."


def test_utf8_with_and_without_bom_are_identical():
    plain = decode(ITALIAN.encode("utf-8"))
    bom = decode(b"\xef\xbb\xbf" + ITALIAN.encode("utf-8"))
    assert plain.text == bom.text == ITALIAN
    assert plain.warnings == bom.warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_matches_utf8(codec):
    data = ITALIAN.encode(codec)
    if codec != "utf-16":  # add the BOM the plain codecs leave out
        data = ("\ufeff" + ITALIAN).encode(codec)
    assert decode(data).text == ITALIAN


def test_crlf_and_lone_cr_become_lf():
    crlf = ITALIAN.replace("\n", "\r\n").encode("utf-8")
    cr = ITALIAN.replace("\n", "\r").encode("utf-8")
    assert decode(crlf).text == decode(cr).text == ITALIAN


def test_cp1252_opens_with_a_warning():
    text = "Café “quoted” – déjà vu"
    result = decode(text.encode("cp1252"), "old.txt")
    assert result.text == text
    assert result.encoding == "cp1252"
    assert len(result.warnings) == 1 and "cp1252" in result.warnings[0] and "old.txt" in result.warnings[0]


def test_ansi_sequences_and_controls_are_removed():
    hostile = (
        "Title\x1b[2J\x1b[31mred\x1b[0m text\x07 bell\x1b]0;pwned\x07 osc "
        "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ \x9b31m c1 \x00nul\x08bs \u202eevil\u202c"
    )
    out = clean(hostile)
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\x00" not in out
    assert "\u202e" not in out
    assert out.startswith("Titlered text bell osc link")


def test_nfc():
    assert clean("e\u0301") == "é"


def test_empty_and_whitespace_only_are_no_text():
    for data in (b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"):
        with pytest.raises(InputError, match="no text"):
            decode(data, "empty.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"PK\x03\x04" + b"\x00" * 50,
        b"%PDF-1.7\n...",
        b"abc\x00def" * 10,
    ],
)
def test_binary_is_not_a_text_file(data):
    with pytest.raises(InputError, match="not a text file"):
        decode(data, "thing.bin")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_source(str(tmp_path / "nope.txt"))


def test_directory_is_not_an_article(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    target = tmp_path / "secret.txt"
    target.write_text("hidden")
    import os

    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(target):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(InputError, match="secret.txt: permission denied"):
        read_source(str(target))


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_source(str(big))

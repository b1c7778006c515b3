"""Bundled themes: readable for everyone (WCAG contrast), complete, loadable."""

import pytest

from reader.core import paths
from reader.core.themes import HIGHLIGHT_VARIABLES as HIGHLIGHTS
from reader.core.themes import TEXT_VARIABLES, ThemeError, load_themes, read_theme

BUNDLED = sorted(paths.bundled_themes_dir().glob("*.toml"))
READER_VARIABLES = TEXT_VARIABLES + HIGHLIGHTS
"""The reader's own theme variables: text colours and highlight backgrounds."""


def luminance(hex_color: str) -> float:
    h = hex_color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_five_required_themes_are_bundled():
    names = {p.stem for p in BUNDLED}
    assert {"reader-dark", "reader-light", "paper", "high-contrast", "monochrome"} <= names


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_theme_contrast_meets_wcag(path):
    spec = read_theme(path)
    assert set(READER_VARIABLES) <= set(spec.variables), "every reader colour is set for this theme"
    need = 7.0 if spec.name == "high-contrast" else 4.5
    fg, bg = spec.colors["foreground"], spec.colors["background"]
    failures = []
    pairs = [("foreground", fg, "background", bg)]
    pairs += [("foreground", fg, place, spec.colors[place]) for place in ("surface", "panel") if place in spec.colors]
    pairs += [(var, spec.variables[var], "background", bg) for var in TEXT_VARIABLES]
    if "surface" in spec.colors:
        pairs += [(var, spec.variables[var], "surface", spec.colors["surface"]) for var in TEXT_VARIABLES]
    pairs += [("foreground", fg, var, spec.variables[var]) for var in HIGHLIGHTS]
    # Names, quotations and links are painted on the highlights too (a note over a
    # quotation), and the panel's rows on its cursors: every one at the target.
    in_article = ("reader-heading", "reader-person", "reader-org", "reader-place", "reader-quote", "reader-link")
    pairs += [(t, spec.variables[t], h, spec.variables[h]) for t in in_article for h in HIGHLIGHTS]
    marks = [v for v in TEXT_VARIABLES if v.endswith("-mark")]
    cursors = ("reader-row-cursor", "reader-row-cursor-blurred")
    pairs += [(t, spec.variables[t], c, spec.variables[c]) for t in (*marks, "reader-muted") for c in cursors]
    for text_name, text, back_name, back in pairs:
        ratio = contrast(text, back)
        if ratio < need:
            failures.append(f"{text_name} on {back_name}: {ratio:.2f}")
    assert not failures, f"{spec.name}: below {need}:1: {failures}"


def test_monochrome_is_grey_only():
    spec = read_theme(paths.bundled_themes_dir() / "monochrome.toml")
    for value in [*spec.colors.values(), *spec.variables.values()]:
        if isinstance(value, str) and value.startswith("#"):
            h = value.lstrip("#")[:6]
            assert h[0:2] == h[2:4] == h[4:6], value


def test_broken_user_themes_are_reported_by_name(tmp_path):
    (tmp_path / "good.toml").write_text('name = "good"\nprimary = "#336699"\n', encoding="utf-8")
    (tmp_path / "badtoml.toml").write_text("name = \n", encoding="utf-8")
    (tmp_path / "unknown.toml").write_text('name = "unknown"\nprimary = "#336699"\nshade = "#000000"\n', encoding="utf-8")
    (tmp_path / "badcolor.toml").write_text('name = "badcolor"\nprimary = "not a colour!"\n', encoding="utf-8")
    themes, problems = load_themes([(tmp_path, "user")])
    assert [t.name for t in themes] == ["good"]
    assert len(problems) == 3
    joined = "\n".join(problems)
    assert "badtoml.toml: bad TOML" in joined
    assert "unknown.toml: unknown key shade" in joined
    assert "badcolor.toml: bad colour primary" in joined


def test_a_theme_without_primary_is_refused(tmp_path):
    path = tmp_path / "x.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(ThemeError, match="primary"):
        read_theme(path)


def test_fallbacks_cover_every_reader_colour():
    from reader.ui.theming import LIGHT_DEFAULTS, VARIABLE_DEFAULTS

    assert set(VARIABLE_DEFAULTS) == set(READER_VARIABLES) == set(LIGHT_DEFAULTS)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_a_bundled_theme_is_shown_as_its_file_says(path):
    """The window keeps every theme readable by moving colours that fall short
    (reader/ui/contrast.py); a bundled theme has none, so nothing of it is moved."""
    from reader.ui.contrast import readable, target
    from reader.ui.theming import LIGHT_DEFAULTS, VARIABLE_DEFAULTS, to_textual

    spec = read_theme(path)
    theme = to_textual(spec)
    variables = {**(VARIABLE_DEFAULTS if spec.dark else LIGHT_DEFAULTS), **theme.to_color_system().generate(), **theme.variables}
    shown = readable(variables, dark=spec.dark, need=target(spec.name), fixed=frozenset(theme.variables))
    moved = {k: (variables[k], v) for k, v in shown.items() if str(variables.get(k, "")).lower() != v.lower()}
    assert not moved, f"{spec.name}: colours that fall short of its contrast target, moved: {moved}"

"""Trafilatura's extracted body (its XML tree) written as Markdown the article parser reads well.

Trafilatura's own Markdown output drops blockquote markers and leaves stray blank
lines, so the body is written here from its tree instead: headings, paragraphs,
lists (nested, numbered or not), blockquotes, code, and table rows as paragraphs.
Text is escaped so that nothing in it turns into Markdown it did not mean: a
sentence starting "2016." stays a sentence, not a numbered list, and "[sic]" or
"*" stay what they are. Images are left out: the terminal shows none.
"""

from __future__ import annotations

import re
from typing import Any

_SPACES = re.compile(r"\s+")
# Backslash-escaped wherever they appear: they start emphasis, links, code, HTML and entities.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&])")
# At the start of a line these open a heading, a quote, a list, a fence or a break.
_LINE_START = re.compile(r"^([#>+=~-]|\d{1,9}(?=[.)]))", re.M)
_EMPHASIS = {"#b": "**", "#i": "*", "#t": "`"}

Element = Any
"""An lxml element of trafilatura's output tree (typed loosely: lxml ships no stubs here)."""


def write_markdown(body: Element) -> str:
    """The Markdown of an extracted body: blocks separated by blank lines, ending in a newline."""
    blocks: list[str] = []
    _blocks(body, blocks)
    text = "\n\n".join(b for b in blocks if b.strip())
    return text + "\n" if text else ""


def escape(text: str) -> str:
    """Inline text with Markdown's special characters escaped."""
    return _INLINE_SPECIALS.sub(r"\\\1", text)


def _escape_line_starts(text: str) -> str:
    # "2016." becomes "2016\." (the dot escaped); "- " becomes "\- ".
    return _LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)


def _blocks(element: Element, out: list[str]) -> None:
    """Append the Markdown blocks of element's children (and of loose text between them)."""
    loose = [_SPACES.sub(" ", escape(element.text or ""))]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("hi", "ref", "del", "lb", "span") or (tag == "code" and "\n" not in "".join(child.itertext())):
            # Inline content loose in a container: gather it as a paragraph.
            loose.append(_inline_element(child))
        else:
            _flush(loose, out)
            _block(child, tag, out)
        loose.append(_SPACES.sub(" ", escape(child.tail or "")))
    _flush(loose, out)


def _flush(loose: list[str], out: list[str]) -> None:
    text = _paragraph("".join(loose))
    if text:
        out.append(text)
    loose.clear()


def _block(element: Element, tag: str, out: list[str]) -> None:
    if tag == "head":
        text = _SPACES.sub(" ", _inline(element, with_tail=False, breaks=False)).strip()
        if text.endswith("#"):  # else it would read as the heading's optional closing marks
            text = text[:-1] + "\\#"
        if text:
            out.append(f"{'#' * _heading_level(element)} {text}")
    elif tag == "p":
        text = _paragraph(_inline(element, with_tail=False))
        if text:
            out.append(text)
    elif tag == "quote":
        inner: list[str] = []
        _blocks(element, inner)
        if inner:
            out.append("\n>\n".join("\n".join("> " + line for line in b.split("\n")) for b in inner))
    elif tag == "list":
        text = _list(element)
        if text:
            out.append(text)
    elif tag == "table":
        for row in element.iter("row"):
            cells = [_paragraph(_inline(cell, with_tail=False)) for cell in row if cell.tag in ("cell", "head")]
            line = " | ".join(c.replace("\n", " ") for c in cells if c)
            if line:
                out.append(line)
    elif tag == "code":
        code = "".join(element.itertext()).strip("\n")
        if code.strip():
            fence = "~~~~" if "```" in code else "```"
            out.append(f"{fence}\n{code}\n{fence}")
    elif tag in ("graphic", "lb", ""):
        return
    else:  # a container trafilatura kept (div, article, note, ...): its content counts
        _blocks(element, out)


def _list(element: Element, indent: str = "") -> str:
    ordered = (element.get("rend") or "").lower() == "ol"
    lines: list[str] = []
    number = 0
    for item in element:
        if item.tag != "item":
            continue
        number += 1
        marker = f"{number}. " if ordered else "- "
        text = _SPACES.sub(" ", _inline(item, with_tail=False, skip=("list",), breaks=False)).strip()
        nested = [_list(sub, indent + " " * len(marker)) for sub in item if sub.tag == "list"]
        if text:
            lines.append(indent + marker + _escape_line_starts(text))
        elif nested:
            lines.append(indent + marker.rstrip())
        lines.extend(n for n in nested if n)
    return "\n".join(lines)


def _heading_level(element: Element) -> int:
    rend = (element.get("rend") or "").lower()
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return 2


def _paragraph(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return _escape_line_starts("\n".join(line for line in lines if line)).strip()


def _inline(element: Element, *, with_tail: bool, skip: tuple[str, ...] = (), breaks: bool = True) -> str:
    """Inline Markdown of element's content: its text, its children's, with emphasis, links and code."""
    parts = [_SPACES.sub(" ", escape(element.text or ""))]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag not in skip:
            parts.append(_inline_element(child, skip=skip, breaks=breaks))
        parts.append(_SPACES.sub(" ", escape(child.tail or "")))
    if with_tail:
        parts.append(_SPACES.sub(" ", escape(element.tail or "")))
    return "".join(parts)


def _inline_element(child: Element, *, skip: tuple[str, ...] = (), breaks: bool = True) -> str:
    """One inline element with its own markup (emphasis, link, code, break), without its tail."""
    tag = child.tag if isinstance(child.tag, str) else ""
    if tag == "lb":
        # A hard break inside a paragraph (verse, addresses); a space where breaks cannot be.
        return "\\\n" if breaks else " "
    if tag == "graphic":
        return ""
    if tag == "hi":
        inner = _inline(child, with_tail=False, skip=skip, breaks=breaks)
        return _wrap(inner, _EMPHASIS.get(child.get("rend") or "", ""))
    if tag == "code":
        code = _SPACES.sub(" ", "".join(child.itertext()))
        ticks = "``" if "`" in code else "`"
        pad = " " if ticks == "``" else ""
        return f"{ticks}{pad}{code}{pad}{ticks}" if code.strip() else ""
    inner = _inline(child, with_tail=False, skip=skip, breaks=breaks)
    if tag == "ref":
        target = (child.get("target") or "").strip()
        if inner.strip() and target.startswith(("http://", "https://")) and not re.search(r"[\s()<>]", target):
            return f"[{inner.strip()}]({target})"
    return inner


def _wrap(text: str, marker: str) -> str:
    """Emphasis markers hugging the words: "**word** " rather than "** word **", which is no emphasis."""
    core = text.strip()
    if not marker or not core:
        return text
    if marker == "`":
        core = core.replace("\\", "")  # inside code, escapes would show
        ticks = "``" if "`" in core else "`"
        pad = " " if ticks == "``" else ""
        core, marker = f"{pad}{core}{pad}", ticks
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


# HTML tags as trafilatura's tree names them, so a feed's HTML goes through the same writer.
_FROM_HTML = {
    "p": ("p", None), "h1": ("head", "h1"), "h2": ("head", "h2"), "h3": ("head", "h3"), "h4": ("head", "h4"),
    "h5": ("head", "h5"), "h6": ("head", "h6"), "ul": ("list", "ul"), "ol": ("list", "ol"), "li": ("item", None),
    "blockquote": ("quote", None), "br": ("lb", None), "b": ("hi", "#b"), "strong": ("hi", "#b"),
    "i": ("hi", "#i"), "em": ("hi", "#i"), "code": ("code", None), "pre": ("code", None), "a": ("ref", None),
    "img": ("graphic", None), "table": ("table", None), "tr": ("row", None), "td": ("cell", None),
    "th": ("cell", None), "del": ("del", None), "s": ("del", None),
}
_DROPPED = frozenset({"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "form"})


def html_to_markdown(fragment: str) -> str:
    """A feed item's HTML (a summary or content) as Markdown, through the same writer as pages."""
    from reader.core.article.decoding import clean

    body = _html_tree(fragment)
    return "" if body is None else clean(write_markdown(body))


def html_to_text(fragment: str) -> str:
    """The words of an HTML fragment, without markup."""
    from reader.core.article.decoding import clean

    body = _html_tree(fragment)
    return "" if body is None else " ".join(clean("".join(body.itertext())).split())


def _html_tree(fragment: str) -> Element | None:
    if not fragment.strip():
        return None
    if "<" not in fragment and "&" not in fragment:
        from lxml import etree

        body = etree.Element("body")
        paragraph = etree.SubElement(body, "p")
        paragraph.text = fragment
        return body
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for dropped in [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in _DROPPED]:
        dropped.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        mapped, rend = _FROM_HTML.get(tag, (None, None))
        href = element.get("href") if tag == "a" else None
        if tag == "pre":
            element.text = "\n" + "".join(element.itertext()).strip("\n") + "\n"
            for child in list(element):
                element.remove(child)
        element.attrib.clear()
        element.tag = mapped or ("div" if tag not in ("span", "font", "small", "big", "u", "sub", "sup") else "span")
        if rend:
            element.set("rend", rend)
        if href:
            element.set("target", href)
    root.tag = "body"
    return root

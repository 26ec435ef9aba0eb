"""Telegram's HTML parse mode, as the Bot API applies it to `sendMessage` and `editMessageText`.

`parse_html(source)` returns the plain text and the entities Telegram would store, or raises
`HtmlError` with the message Telegram puts after "Bad Request: can't parse entities: ".
The rules follow tdlib's `parse_html`: the allowed tags only, properly nested and closed
(`</>` closes the innermost tag), attributes ignored except `a[href]`, `code[class=language-*]`,
`span[class=tg-spoiler]`, `tg-emoji[emoji-id]` and `blockquote[expandable]`; the entities `&lt;`,
`&gt;`, `&amp;`, `&quot;` and numeric references are decoded. Offsets and lengths count UTF-16
code units, as the Bot API does.

One deliberate difference: Telegram keeps a stray `&` that starts no known entity as a literal `&`;
with `strict_ampersand=True` (the default) it is an error here, because it means a piece of text
went out without `html.escape` and the next such text may hold `&lt;` or `<` and break.
"""

from __future__ import annotations

import re
from typing import Any

ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "blockquote": "blockquote",
}
ALLOWED_TAGS = frozenset(ENTITY_TYPES)
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
SPACES = " \t\r\n\v\f\0"
_SIMPLE_TAGS = frozenset(ALLOWED_TAGS - {"span", "tg-emoji"})  # tags that need no attribute
_NAMED = {f"&{name};": char for name, char in NAMED_ENTITIES.items()}
# What Telegram trims from both ends of a message before checking that it is not empty.
TRIMMED = " \t\r\n\v\f\u00a0\u2028\u2029"
# One step per token: a named entity, a tag without attributes, or a bare "<" / "&" (the slow paths).
_TOKEN = re.compile(r"&(?:amp|lt|gt|quot);|<(/?)([A-Za-z-]{1,10})>|[<&]")
_BOT_COMMAND = re.compile(r"(?<![\w/])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
_URL = re.compile(r"^(?:(?:https?|tg|ftp)://\S+|[\w.-]+\.[A-Za-z]{2,}(?:[/?#]\S*)?|mailto:\S+)$")


class HtmlError(ValueError):
    """The text does not parse as Telegram HTML; the message is Telegram's wording."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's offsets and limits."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


def _decode_entity(source: str, pos: int) -> tuple[str | None, int]:
    """Decode the HTML entity at `source[pos] == "&"` as tdlib does: (character or None, next index)."""
    end = pos + 1
    size = len(source)
    if end < size and source[end] == "#":
        end += 1
        digits_start = end
        if end < size and source[end] in "xX":
            end += 1
            digits_start = end
            while end < size and source[end] in "0123456789abcdefABCDEF":
                end += 1
            code = int(source[digits_start:end], 16) if end > digits_start else 0
        else:
            while end < size and source[end].isdigit() and source[end].isascii():
                end += 1
            code = int(source[digits_start:end]) if end > digits_start else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10 or 0xD800 <= code <= 0xDFFF:
            return None, pos
        char = chr(code)
    else:
        while end < size and source[end].isascii() and source[end].isalpha():
            end += 1
        named = NAMED_ENTITIES.get(source[pos + 1 : end])
        if named is None:
            return None, pos
        char = named
    if end < size and source[end] == ";":
        end += 1
    return char, end


def _skip_spaces(source: str, i: int) -> int:
    while i < len(source) and source[i] in SPACES:
        i += 1
    return i


class _Open:
    __slots__ = ("argument", "expandable", "offset", "pos", "tag", "text_start")

    def __init__(self, tag: str, pos: int) -> None:
        self.tag = tag
        self.pos = pos  # index of "<" in the source, for error messages
        self.argument = ""
        self.offset = 0  # UTF-16 offset of the entity
        self.text_start = 0  # index into the output chunks, for a link without href
        self.expandable = False


def _parse_start_tag(source: str, begin: int) -> tuple[_Open, int]:
    """Parse `<tag attr=...>` at `begin` as tdlib does; return the open tag and the index after `>`."""
    size = len(source)
    i = begin + 1
    while i < size and source[i] not in SPACES and source[i] != ">":
        i += 1
    if i >= size:
        raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
    tag = source[begin + 1 : i].lower()
    if tag not in ALLOWED_TAGS:
        raise HtmlError(f'Unsupported start tag "{tag}" at byte offset {_byte_offset(source, begin)}')
    opened = _Open(tag, begin)
    while True:
        i = _skip_spaces(source, i)
        if i >= size:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
        if source[i] == ">":
            break
        name_start = i
        while i < size and source[i] not in SPACES and source[i] not in "=>":
            i += 1
        name = source[name_start:i].lower()
        if not name:
            raise HtmlError(f'Empty attribute name in the tag "{tag}" at byte offset {_byte_offset(source, begin)}')
        i = _skip_spaces(source, i)
        if i >= size or source[i] != "=":
            if tag == "blockquote" and name == "expandable":
                opened.expandable = True
                continue
            raise HtmlError(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                f"at byte offset {_byte_offset(source, begin)}"
            )
        i = _skip_spaces(source, i + 1)
        if i >= size:
            raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
        if source[i] in "'\"":
            quote = source[i]
            i += 1
            chars: list[str] = []
            while i < size and source[i] != quote:
                if source[i] == "&":
                    char, after = _decode_entity(source, i)
                    if char is not None:
                        chars.append(char)
                        i = after
                        continue
                chars.append(source[i])
                i += 1
            if i >= size:
                raise HtmlError(f"Unclosed start tag at byte offset {_byte_offset(source, begin)}")
            i += 1
            value = "".join(chars)
        else:
            token_start = i
            while i < size and (source[i].isalnum() or source[i] in ".-"):
                i += 1
            value = source[token_start:i].lower()
            if i < size and source[i] not in SPACES and source[i] != ">":
                raise HtmlError(f"Unexpected end of name token at byte offset {_byte_offset(source, token_start)}")
        if (
            (tag == "a" and name == "href")
            or (tag in ("code", "span") and name == "class")
            or (tag == "tg-emoji" and name == "emoji-id")
        ):
            opened.argument = value
    if tag == "span" and opened.argument != "tg-spoiler":
        raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(source, begin)}')
    if tag == "tg-emoji" and not opened.argument.isdigit():
        raise HtmlError(f"Custom emoji identifier must be specified at byte offset {_byte_offset(source, begin)}")
    return opened, i + 1


def _entity(opened: _Open, length: int, text: str) -> dict[str, Any] | None:
    kind = ENTITY_TYPES[opened.tag]
    entity: dict[str, Any] = {"type": kind, "offset": opened.offset, "length": length}
    if kind == "text_link":
        url = opened.argument or text
        if not _URL.match(url):
            return None  # Telegram drops a link it cannot read and keeps the text
        entity["url"] = url
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = opened.argument
    elif kind == "blockquote" and opened.expandable:
        entity["type"] = "expandable_blockquote"
    return entity


def parse_html(source: str, *, strict_ampersand: bool = True) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (text, entities); raise `HtmlError` with Telegram's message."""
    if "<" not in source and "&" not in source:
        return source, []
    measure = len if source.isascii() else utf16_len
    out: list[str] = []
    offset = 0  # UTF-16 length of the text so far
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    find = _TOKEN.search
    i = 0
    while True:
        match = find(source, i)
        if match is None:
            chunk = source[i:]
            out.append(chunk)
            offset += measure(chunk)
            break
        stop = match.start()
        if stop > i:
            chunk = source[i:stop]
            out.append(chunk)
            offset += measure(chunk)
        token = match.group()
        i = match.end()
        name = match.group(2)
        if name is not None and name.lower() in _SIMPLE_TAGS:  # the common case: <b>, </b>, ...
            name = name.lower()
            if match.group(1):
                if not stack:
                    raise HtmlError(f"Unexpected end tag at byte offset {_byte_offset(source, stop)}")
                _end_entity(source, stop, name, stack.pop(), offset, out, entities)
            else:
                opened = _Open(name, stop)
                opened.offset, opened.text_start = offset, len(out)
                stack.append(opened)
        elif token[0] == "&":
            char = _NAMED.get(token)
            if char is None:
                char, i = _decode_entity(source, stop)
                if char is None:
                    if strict_ampersand:
                        raise HtmlError(
                            f'Unescaped "&" at byte offset {_byte_offset(source, stop)} '
                            "(Telegram keeps it literally; the fake insists on &amp;)"
                        )
                    char, i = "&", stop + 1
            out.append(char)
            offset += 1 if char <= "\uffff" else 2
        elif source.startswith("/", stop + 1):
            if not stack:
                raise HtmlError(f"Unexpected end tag at byte offset {_byte_offset(source, stop)}")
            i = _close_tag(source, stop, stack.pop(), offset, out, entities)
        else:
            opened, i = _parse_start_tag(source, stop)
            opened.offset, opened.text_start = offset, len(out)
            stack.append(opened)
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _close_tag(
    source: str, begin: int, opened: _Open, offset: int, out: list[str], entities: list[dict[str, Any]]
) -> int:
    """Handle an unusual end tag (`</>`, `</b >`, `</b x>`) at `begin`; return the index after it."""
    size = len(source)
    name_end = begin + 2
    while name_end < size and source[name_end] not in SPACES and source[name_end] != ">":
        name_end += 1
    close = _skip_spaces(source, name_end)
    if close >= size or source[close] != ">":
        raise HtmlError(f"Unclosed end tag at byte offset {_byte_offset(source, begin)}")
    _end_entity(source, begin, source[begin + 2 : name_end].lower(), opened, offset, out, entities)
    return close + 1


def _end_entity(
    source: str, begin: int, name: str, opened: _Open, offset: int, out: list[str], entities: list[dict[str, Any]]
) -> None:
    """Close `opened` with the end tag `name` ("" for `</>`) and add its entity, if it has any text."""
    if name and name != opened.tag:
        raise HtmlError(
            f"Unmatched end tag at byte offset {_byte_offset(source, begin)}, "
            f'expected "</{opened.tag}>", found "</{name}>"'
        )
    length = offset - opened.offset
    if length > 0:
        inner = "".join(out[opened.text_start :]) if opened.tag == "a" and not opened.argument else ""
        entity = _entity(opened, length, inner)
        if entity is not None:
            _merge_pre_code(entities, entity, opened)


def _merge_pre_code(entities: list[dict[str, Any]], entity: dict[str, Any], opened: _Open) -> None:
    """`<pre><code class="language-x">` is one pre entity with a language, as in Telegram."""
    if entity["type"] == "code" and opened.argument.startswith("language-"):
        entity["language"] = opened.argument.removeprefix("language-")
    if entity["type"] == "pre" and entities:
        last = entities[-1]
        if last["type"] == "code" and last["offset"] == entity["offset"] and last["length"] == entity["length"]:
            entities.pop()
            if "language" in last:
                entity["language"] = last["language"]
    entities.append(entity)


def trim(text: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim whitespace from both ends as Telegram does, moving and clipping the entities."""
    stripped = text.strip(TRIMMED)
    if stripped == text:
        return text, entities
    if not stripped:
        return "", []
    shift = utf16_len(text[: len(text) - len(text.lstrip(TRIMMED))])
    limit = utf16_len(stripped)
    kept = []
    for entity in entities:
        start = max(entity["offset"] - shift, 0)
        end = min(entity["offset"] + entity["length"] - shift, limit)
        if end > start:
            kept.append({**entity, "offset": start, "length": end - start})
    return stripped, kept


def bot_command_entities(text: str) -> list[dict[str, Any]]:
    """The `bot_command` entities a Telegram client attaches to a user's text (`/cmd`, `/cmd@bot`)."""
    entities = []
    for match in _BOT_COMMAND.finditer(text):
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities

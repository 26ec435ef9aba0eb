"""Stance framing: a story's question, sides, figures, quotes and numbers.

The extractive backend (`frame_text`, `frame_article`) is offline and
deterministic; `load_article` reads the files the `frame` command accepts;
`name_key` / `same_person` / `name_similarity` compare personal names across
transliterations for the cross-story figure registry.
"""

from __future__ import annotations

from briefings.framing.article import Article, load_article, parse_article
from briefings.framing.extractive import frame_article, frame_text
from briefings.framing.model import FigureFrame, Number, Quote, Side, StanceFrame
from briefings.framing.names import name_key, name_similarity, same_person

__all__ = [
    "Article",
    "FigureFrame",
    "Number",
    "Quote",
    "Side",
    "StanceFrame",
    "frame_article",
    "frame_text",
    "load_article",
    "name_key",
    "name_similarity",
    "parse_article",
    "same_person",
]

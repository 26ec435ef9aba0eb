"""Read a model's answer as a `StanceFrame`, or say why it is not one.

Models asked for JSON still wrap it in Markdown fences, add a key of their own
or send `null` for an empty list. Those are repaired (the fences and unknown
keys dropped, with a debug line) because the content is still the frame; what
stays wrong after that fails `StanceFrame.model_validate` and the story falls
back to the extractive frame.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from pydantic import ValidationError

from briefings.framing.llm.client import Completion
from briefings.framing.llm.errors import LLMBadAnswer, LLMRefused
from briefings.framing.model import FigureFrame, Number, Quote, Side, StanceFrame

logger = logging.getLogger(__name__)

_FENCE = re.compile(r"^\s*```(?:json|JSON)?\s*\n?(.*?)\n?\s*```\s*$", re.S)
_LISTS = {"sides", "figures", "quotes", "numbers"}
_FIGURE_LISTS = {"quotes", "evidence"}


def read_answer(completion: Completion) -> StanceFrame:
    """The frame in `completion`; raise LLMRefused or LLMBadAnswer when there is none."""
    if completion.refusal:
        raise LLMRefused(f"the model refused: {' '.join(completion.refusal.split())[:160]}")
    if completion.finish_reason == "content_filter":
        raise LLMRefused("the endpoint's content filter stopped the answer")
    content = (completion.content or "").strip()
    if not content:
        raise LLMRefused("the model answered nothing")
    data = _json_object(content)
    if data is None:
        cut = " (cut off at max_tokens)" if completion.finish_reason == "length" else ""
        raise LLMBadAnswer(f"the answer is not a JSON object{cut}")
    try:
        return StanceFrame.model_validate(repair(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "frame"
        raise LLMBadAnswer(f"the answer is not a stance frame: {where}: {error['msg']}") from None


def _json_object(content: str) -> dict[str, Any] | None:
    fenced = _FENCE.match(content)
    if fenced:
        content = fenced.group(1)
    for candidate in (content, content[content.find("{"): content.rfind("}") + 1]):
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data
    return None


def _known(item: Any, fields: set[str], where: str) -> dict[str, Any] | Any:
    if not isinstance(item, dict):
        return item
    extra = set(item) - fields
    if extra:
        logger.debug("LLM answer: ignored unknown keys %s in %s", sorted(extra), where)
    return {k: v for k, v in item.items() if k in fields}


def repair(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with unknown keys dropped, null lists made empty, and bare quote strings given a null speaker."""
    frame = _known(data, set(StanceFrame.model_fields), "the frame")
    for key in _LISTS:
        if frame.get(key) is None and key in frame:
            frame[key] = []
    if isinstance(frame.get("sides"), list):
        frame["sides"] = [_known(s, set(Side.model_fields), "a side") for s in frame["sides"]]
    if isinstance(frame.get("numbers"), list):
        frame["numbers"] = [_known(n, set(Number.model_fields), "a number") for n in frame["numbers"]]
    if isinstance(frame.get("quotes"), list):
        frame["quotes"] = [
            {"text": q, "speaker": None} if isinstance(q, str) else _known(q, set(Quote.model_fields), "a quote")
            for q in frame["quotes"]
        ]
    if isinstance(frame.get("figures"), list):
        figures = []
        for item in frame["figures"]:
            figure = _known(item, set(FigureFrame.model_fields), "a figure")
            if isinstance(figure, dict):
                for key in _FIGURE_LISTS:
                    if key in figure and figure[key] is None:
                        figure[key] = []
            figures.append(figure)
        frame["figures"] = figures
    return dict(frame)

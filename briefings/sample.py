"""The sample newsletter shipped with the package, for `briefing-bot demo` and tests.

Its people, places and quotes are fictional; the feed says so in its title.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_FEED = Path(__file__).resolve().parent / "data" / "sample-newsletter.xml"

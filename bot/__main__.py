"""`python -m bot` runs the same CLI as the `briefing-bot` console script."""

from bot.cli import main

main()

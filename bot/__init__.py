"""The outside of briefing-bot: settings, chat commands, platform adapters, scheduler, CLI."""

"""Local fake servers (feeds, Telegram Bot API) that the real client libraries talk to in tests."""

"""The domain of briefing-bot: feeds, storage, stance framing, composing and rendering.

Nothing here imports the chat side (`bot/`), a chat library or a settings object:
functions take what they need as keyword arguments, so the same code serves the
service, the CLI, the demo and the tests.
"""

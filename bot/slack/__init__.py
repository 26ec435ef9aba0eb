"""The Slack adapter: `/briefing <command>` in Slack, the same commands as Telegram and the console.

    bot.slack.app       build_slack_app: the bolt AsyncApp with the slash command, buttons, App Home, error handler
    bot.slack.blocks    replies and the App Home as Block Kit (buttons, `/briefing` spelling, view limits)
    bot.slack.sender    SlackSender: delivery's PlatformSender for Slack, Web API errors -> SendResult
    bot.slack.runner    start_slack: auth.test, then Socket Mode or the signed HTTP endpoint; SlackRunning.stop()

Errors: PlatformAuthError (bot.errors) when Slack refuses a token at start;
SettingsError (bot.config) for a setting the chosen mode can't run with.
"""

from __future__ import annotations

from bot.errors import PlatformAuthError
from bot.slack.app import build_slack_app, make_client
from bot.slack.runner import RequestGate, SlackRunning, slack_web_app, start_slack
from bot.slack.sender import SlackSender, send_result_for

__all__ = [
    "PlatformAuthError",
    "RequestGate",
    "SlackRunning",
    "SlackSender",
    "build_slack_app",
    "make_client",
    "send_result_for",
    "slack_web_app",
    "start_slack",
]

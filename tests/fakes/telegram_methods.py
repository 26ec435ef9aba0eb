"""The Bot API methods of the fake Telegram server, with the checks Telegram makes.

`BotApi` adds one `apiMethodName(params) -> result` per supported method to the world; an
`ApiError` becomes Telegram's error answer. What is checked: unknown chats, blocked users and
kicked bots (403), migrated groups (400 with migrate_to_chat_id), HTML parse mode (see
`telegram_html`), 4096 UTF-16 units after parsing, empty text, callback_data over 64 bytes,
replies to missing messages, "message is not modified", command names. `sendMessage` also
goes through the flood-limit meter (`telegram_limits`). getUpdates lives in `telegram_api`,
because long polling needs the server's event loop.
"""

from __future__ import annotations

import functools
import json
import re
import time
from typing import Any

from tests.fakes.telegram_html import HtmlError, parse_html, trim, utf16_len
from tests.fakes.telegram_world import ApiError, Chat, Sent, TelegramWorld

MAX_TEXT_LENGTH = 4096  # UTF-16 code units after entity parsing
MAX_CALLBACK_DATA = 64  # bytes
MAX_CALLBACK_ANSWER = 200  # characters
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice"}
    | {"upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note"}
)
ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_pin_messages",
)
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


def _checked_text(plain: str, entities: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Trim as Telegram does and check the length that is left."""
    plain, entities = trim(plain, entities)
    if not plain:
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(plain) > MAX_TEXT_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return plain, entities


@functools.lru_cache(maxsize=1024)
def _checked_html(source: str, strict: bool) -> tuple[str, list[dict[str, Any]]]:
    """Parse and check once per distinct text: a broadcast sends the same briefing to every chat.

    The result is shared between messages, so nothing may modify it.
    """
    try:
        plain, entities = parse_html(source, strict_ampersand=strict)
    except HtmlError as exc:
        raise ApiError(400, f"Bad Request: can't parse entities: {exc}") from None
    return _checked_text(plain, entities)


class BotApi(TelegramWorld):
    """The world, answering Bot API methods."""

    # ---- checks and shapes -------------------------------------------------------------------

    def _resolve(self, raw: Any) -> Chat:
        if raw is None or raw == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat: Chat | None = None
        if isinstance(raw, str) and raw.startswith("@"):
            chat = next((c for c in self._chats.values() if c.username and f"@{c.username}" == raw), None)
        else:
            try:
                chat_id = int(raw)
            except (TypeError, ValueError):
                raise ApiError(400, "Bad Request: chat not found") from None
            chat = self._chats.get(chat_id)
            if chat is None and self.auto_users and chat_id > 0:
                chat = Chat(chat_id, "private", first_name=f"User {chat_id}")
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _check_can_write(self, chat: Chat) -> None:
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.type == "private":
            if chat.deactivated:
                raise ApiError(403, "Forbidden: user is deactivated")
            if chat.blocked:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            if not chat.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
        elif chat.blocked:
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat.kind_name}")
        elif not chat.bot_member:
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.kind_name}")
        elif chat.type == "channel" and not (chat.bot_admin and chat.bot_can_post):
            raise ApiError(400, "Bad Request: need administrator rights in the channel chat")

    def _render(self, params: dict[str, Any]) -> tuple[str, str, list[dict[str, Any]]]:
        """(text as sent, plain text, entities) after Telegram's checks."""
        raw = params.get("text")
        if raw is None or raw == "":
            raise ApiError(400, "Bad Request: message text is empty")
        raw = str(raw)
        mode = (params.get("parse_mode") or "").lower()
        if mode not in ("", "html", "markdown", "markdownv2"):
            raise ApiError(400, "Bad Request: unsupported parse_mode")
        if mode == "html":
            plain, entities = _checked_html(raw, self.strict_html)
        else:  # Markdown is passed through unchecked
            plain, entities = _checked_text(raw, list(params.get("entities") or []))
        return raw, plain, entities

    @staticmethod
    def _markup(params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return markup
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise ApiError(400, "Bad Request: inline keyboard must be an Array of Arrays of buttons")
        for button in (b for row in rows for b in row):
            if not isinstance(button, dict) or not button.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
            if "callback_data" in button and not 1 <= len(str(button["callback_data"]).encode()) <= MAX_CALLBACK_DATA:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            if set(button) <= {"text", "style", "icon_custom_emoji_id"}:
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
        return markup

    def _member(self, chat: Chat, user_id: int) -> dict[str, Any]:
        user = self.bot_user if user_id == self.bot_user["id"] else self._users.get(user_id)
        if user is None:
            raise ApiError(400, "Bad Request: user not found")
        if user is self.bot_user:
            if chat.blocked:
                return {"status": "kicked", "user": user, "until_date": 0}
            if chat.type == "channel" and chat.bot_admin:
                return {
                    "status": "administrator",
                    "user": user,
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_promote_members": False,
                    **dict.fromkeys(ADMIN_RIGHTS, True),
                    "can_post_messages": chat.bot_can_post,
                    "can_edit_messages": chat.bot_can_post,
                }
            return {"status": "member" if chat.bot_member else "left", "user": user}
        if chat.type == "private":
            return {"status": "member", "user": user}
        if user_id == chat.owner:
            return {"status": "creator", "user": user, "is_anonymous": False}
        if user_id in chat.admins:
            return {
                "status": "administrator",
                "user": user,
                "can_be_edited": False,
                "is_anonymous": False,
                "can_promote_members": False,
                **dict.fromkeys(ADMIN_RIGHTS, True),
            }
        if user_id in chat.members:
            return {"status": "member", "user": user}
        return {"status": "left", "user": user}

    def _editable(self, p: dict[str, Any]) -> tuple[Chat, int, dict[str, Any] | None]:
        if p.get("inline_message_id"):
            raise ApiError(400, "Bad Request: inline messages are not supported by the fake")
        chat = self._resolve(p.get("chat_id"))
        self._check_can_write(chat)
        message_id = int(p.get("message_id") or 0)
        stored = self._messages.get((chat.id, message_id))
        if self.record == "full":
            if stored is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            if stored["from"]["id"] != self.bot_user["id"]:
                raise ApiError(400, "Bad Request: message can't be edited")
        return chat, message_id, stored

    def _save_edit(
        self, chat: Chat, message_id: int, stored: dict[str, Any] | None, new: dict[str, Any], p: dict[str, Any]
    ) -> dict[str, Any]:
        if stored is not None and all(stored.get(k) == new.get(k) for k in ("text", "entities", "reply_markup")):
            raise ApiError(400, NOT_MODIFIED)
        new["edit_date"] = int(time.time())
        self._store(chat.id, new)
        full = self.record == "full"
        self._record(
            Sent(
                chat.id,
                message_id,
                p.get("text") if full else None,
                new.get("text") if full else None,
                p.get("parse_mode"),
                new.get("reply_markup") if full else None,
                None,
                None,
                self.clock(),
                method="editMessageText" if "text" in p else "editMessageReplyMarkup",
            ),
            self.edits,
        )
        return new

    def _base_message(self, chat: Chat, message_id: int, stored: dict[str, Any] | None) -> dict[str, Any]:
        if stored is not None:
            return dict(stored)
        return {"message_id": message_id, "from": self.bot_user, "chat": chat.json(), "date": int(time.time())}

    # ---- methods (apiMethodName) -------------------------------------------------------------

    def apiGetMe(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802 - Bot API names
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
        }

    def apiDeleteWebhook(self, p: dict[str, Any]) -> bool:  # noqa: N802
        self.webhook = None
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def apiSetWebhook(self, p: dict[str, Any]) -> bool:  # noqa: N802
        url = p.get("url") or ""
        self.webhook = {k: v for k, v in p.items() if k != "certificate"} if url else None
        if p.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def apiGetWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        url = (self.webhook or {}).get("url", "")
        return {"url": url, "has_custom_certificate": False, "pending_update_count": len(self._updates)}

    @staticmethod
    def _scope_key(p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), p.get("language_code") or ""

    def apiSetMyCommands(self, p: dict[str, Any]) -> bool:  # noqa: N802
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise ApiError(400, "Bad Request: can't parse commands JSON object")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND.match(str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._scope_key(p)] = commands
        return True

    def apiGetMyCommands(self, p: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        return self.commands.get(self._scope_key(p), [])

    def apiDeleteMyCommands(self, p: dict[str, Any]) -> bool:  # noqa: N802
        self.commands.pop(self._scope_key(p), None)
        return True

    def apiSendMessage(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        self._check_can_write(chat)
        raw, plain, entities = self._render(p)
        markup = self._markup(p)
        reply = p.get("reply_parameters")
        reply_to = reply.get("message_id") if isinstance(reply, dict) else p.get("reply_to_message_id")
        replied = None
        if reply_to is not None and self.record == "full":
            replied = self._messages.get((chat.id, int(reply_to)))
            lenient = (reply or {}).get("allow_sending_without_reply") or p.get("allow_sending_without_reply")
            if replied is None and not lenient:
                raise ApiError(400, "Bad Request: message to be replied not found")
        retry_after = self.meter.check(chat.id, chat.is_group, enforce=self.enforce)
        if retry_after is not None:
            raise ApiError(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat.id),
            "from": self.bot_user,
            "chat": chat.json(),
            "date": int(time.time()),
            "text": plain,
        }
        if entities:
            message["entities"] = entities
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        thread = p.get("message_thread_id")
        if thread is not None:
            message["message_thread_id"] = thread
        if replied is not None:
            message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        self._store(chat.id, message)
        self.sent_count += 1
        full = self.record == "full"
        self._record(
            Sent(
                chat.id,
                message["message_id"],
                raw if full else None,
                plain if full else None,
                p.get("parse_mode"),
                markup if full else None,
                reply_to,
                thread,
                self.clock(),
            ),
            self.sent,
        )
        return message

    def apiSendDocument(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        """A multipart upload (an aiohttp FileField) or a file_id already on the server."""
        chat = self._resolve(p.get("chat_id"))
        self._check_can_write(chat)
        document = p.get("document")
        if hasattr(document, "file"):
            name, content = str(document.filename or "file"), document.file.read()
        elif isinstance(document, str) and document in self.files:
            path, content = self.files[document]
            name = path.rsplit("/", 1)[-1]
        else:
            raise ApiError(400, "Bad Request: there is no document in the request")
        if not content:
            raise ApiError(400, "Bad Request: file must be non-empty")
        file_id = f"BQAD{len(self.files) + 1:06d}"
        self.files[file_id] = (f"documents/sent_{len(self.files) + 1}_{name}", content)
        message: dict[str, Any] = {
            "message_id": self._new_message_id(chat.id),
            "from": self.bot_user,
            "chat": chat.json(),
            "date": int(time.time()),
            "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                         "file_size": len(content)},
        }
        if p.get("caption"):
            message["caption"] = p["caption"]
        self._store(chat.id, message)
        self.documents.append((chat.id, name, content))
        return message

    def apiGetFile(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        found = self.files.get(str(p.get("file_id") or ""))
        if found is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, content = found
        return {"file_id": p["file_id"], "file_unique_id": f"u{p['file_id']}", "file_size": len(content),
                "file_path": path}

    def apiEditMessageText(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat, message_id, stored = self._editable(p)
        _, plain, entities = self._render(p)
        markup = self._markup(p)
        new = self._base_message(chat, message_id, stored)
        new["text"] = plain
        new.pop("entities", None)
        new.pop("reply_markup", None)  # an edit without reply_markup removes the inline keyboard
        if entities:
            new["entities"] = entities
        if markup is not None and "inline_keyboard" in markup:
            new["reply_markup"] = markup
        return self._save_edit(chat, message_id, stored, new, p)

    def apiEditMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat, message_id, stored = self._editable(p)
        markup = self._markup(p)
        new = self._base_message(chat, message_id, stored)
        new.pop("reply_markup", None)
        if markup is not None and markup.get("inline_keyboard"):
            new["reply_markup"] = markup
        return self._save_edit(chat, message_id, stored, new, p)

    def apiDeleteMessage(self, p: dict[str, Any]) -> bool:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        message_id = int(p.get("message_id") or 0)
        if self.record == "full" and self._messages.pop((chat.id, message_id), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        self.deleted.append((chat.id, message_id))
        return True

    def apiAnswerCallbackQuery(self, p: dict[str, Any]) -> bool:  # noqa: N802
        query = self._open_queries.pop(str(p.get("callback_query_id") or ""), None)
        if query is None:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(str(p.get("text") or "")) > MAX_CALLBACK_ANSWER:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self.callback_answers.append({"id": query["id"], "data": query["data"], **p})
        return True

    def apiSendChatAction(self, p: dict[str, Any]) -> bool:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        self._check_can_write(chat)
        action = p.get("action")
        if action not in CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        self.chat_actions.append((chat.id, action))
        return True

    def apiGetChat(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        if chat.is_group and (chat.blocked or not chat.bot_member):
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.kind_name}")
        gifts = dict.fromkeys(
            ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription", "gifts_from_channels"), False
        )
        return {**chat.json(), "accent_color_id": 0, "max_reaction_count": 11, "accepted_gift_types": gifts}

    def apiGetChatMember(self, p: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        return self._member(chat, int(p.get("user_id") or 0))

    def apiGetChatAdministrators(self, p: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        if not chat.is_group:
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        ids = ([chat.owner] if chat.owner is not None else []) + chat.admins
        return [self._member(chat, user_id) for user_id in ids]

    def apiLeaveChat(self, p: dict[str, Any]) -> bool:  # noqa: N802
        chat = self._resolve(p.get("chat_id"))
        if not chat.is_group:
            raise ApiError(400, "Bad Request: chat member status can't be changed in private chats")
        if not chat.bot_member:
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.kind_name}")
        chat.bot_member = False
        self.left_chats.append(chat.id)
        self._enqueue_member_change(chat, "member", "left")
        return True

"""The world behind the fake Telegram Bot API: users, chats, messages, updates, faults, records.

`TelegramWorld` holds the state and the scripting side of a test: who exists (users, each
with a private chat; groups and supergroups with an owner, admins and members), what users
do (`send_text`, `press_button`, which queue updates), what goes wrong (`block`,
`deactivate`, `migrate`, `fail_next`, `delay`) and what the bot did (`sent`, `edits`,
`messages_to`, `violations`). `telegram_methods` adds the Bot API methods on top, and
`telegram_api` the HTTP server. Every change happens under one lock, so scripting calls may
come from any thread.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.fakes.telegram_html import bot_command_entities
from tests.fakes.telegram_limits import RateLimits, RateMeter, Violation

DEFAULT_TOKEN = "123456789:AAFakeTelegramTokenForTests_0123456789"
DEFAULT_BOT_USERNAME = "briefing_test_bot"
FIRST_UPDATE_ID = 100_000_000
# Telegram's default when allowed_updates was never given: all but these three.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
FAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
}

Record = Literal["full", "meta", "count"]


class ApiError(Exception):
    """An error answer: HTTP status, Telegram's description, optional `parameters`."""

    def __init__(self, status: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


@dataclass(slots=True)
class Sent:
    """One message the bot sent (or edited): `text` as sent, `plain` after entity parsing."""

    chat_id: int
    message_id: int
    text: str | None
    plain: str | None
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    reply_to: int | None
    message_thread_id: int | None
    at: float  # monotonic
    method: str = "sendMessage"


@dataclass(slots=True)
class Call:
    """One request: method, decoded parameters, the HTTP status answered."""

    method: str
    params: dict[str, Any]
    status: int
    description: str | None
    at: float


@dataclass(slots=True)
class Fault:
    status: int
    description: str
    parameters: dict[str, Any] | None
    times: int
    chat_id: int | None


@dataclass(slots=True)
class Chat:
    """A chat in the fake world; `members` and `admins` are user ids."""

    id: int
    type: str  # private, group, supergroup, channel
    title: str | None = None
    first_name: str | None = None
    username: str | None = None
    owner: int | None = None
    admins: list[int] = field(default_factory=list)
    members: set[int] = field(default_factory=set)
    started: bool = True  # a private chat where the user pressed Start
    blocked: bool = False  # blocked by the user, or the bot was kicked from the group
    deactivated: bool = False
    bot_member: bool = True
    migrated_to: int | None = None
    bot_admin: bool = False  # channels: the bot is an administrator (bots can only be in channels as admins)
    bot_can_post: bool = True  # channels: that administrator may post messages

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title is not None:
            data["title"] = self.title
        if self.first_name is not None:
            data["first_name"] = self.first_name
        if self.username is not None:
            data["username"] = self.username
        return data

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup", "channel")

    @property
    def kind_name(self) -> str:
        return {"group": "group chat", "supergroup": "supergroup chat", "channel": "channel chat"}.get(
            self.type, "chat"
        )


def _as_id(value: Any) -> int:
    return value["id"] if isinstance(value, dict) else int(value)


class TelegramWorld:
    """The state behind the fake Bot API, and the calls a test scripts it with.

    :param record: "full" keeps every message and its text; "meta" keeps one compact `Sent`
        per message without text; "count" keeps only counters (for benchmarks).
    :param record_calls: keep every request in `calls` (`call_counts` is always kept).
    :param limits: the flood limits to measure (`RateLimits()`: Telegram's).
    :param enforce: answer flood-limit excess with 429 and retry_after instead of only counting.
    :param auto_users: treat any unknown positive chat id as a started private chat.
    :param strict_html: refuse a stray `&` (Telegram keeps it literally).
    :param privacy_mode: in groups, deliver only commands, replies to the bot and mentions.
    :param clock: monotonic seconds, for the flood limits and the records.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = DEFAULT_BOT_USERNAME,
        limits: RateLimits | None = None,
        enforce: bool = False,
        record: Record = "full",
        record_calls: bool = True,
        auto_users: bool = False,
        strict_html: bool = True,
        privacy_mode: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": "Briefing Bot",
            "username": bot_username,
        }
        self.enforce = enforce
        self.record = record
        self.record_calls = record_calls
        self.auto_users = auto_users
        self.strict_html = strict_html
        self.privacy_mode = privacy_mode
        self.clock = clock
        self.meter = RateMeter(limits or RateLimits(), clock)
        # What the bot did.
        self.sent: list[Sent] = []
        self.edits: list[Sent] = []
        self.deleted: list[tuple[int, int]] = []
        self.callback_answers: list[dict[str, Any]] = []
        self.chat_actions: list[tuple[int, str]] = []
        self.left_chats: list[int] = []
        self.documents: list[tuple[int, str, bytes]] = []  # (chat id, file name, content) the bot sent
        self.calls: list[Call] = []
        self.call_counts: Counter[str] = Counter()
        self.sent_count = 0
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] | None = None
        # The world.
        self._users: dict[int, dict[str, Any]] = {}
        self._chats: dict[int, Chat] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._next_message_id: dict[int, int] = {}
        self._by_chat: dict[int, list[Sent]] = {}
        self._open_queries: dict[str, dict[str, Any]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content), for getFile and downloads
        self._query_counter = 0
        # Updates, confirmed by getUpdates offsets.
        self._updates: list[tuple[int, str, dict[str, Any]]] = []
        self._update_id = FIRST_UPDATE_ID
        self._allowed: frozenset[str] | None = None  # None: Telegram's default set
        # Faults.
        self._faults: dict[str, list[Fault]] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.RLock()

    # ---- the world ---------------------------------------------------------------------------

    def add_user(self, user_id: int, name: str, *, username: str | None = None, started: bool = True) -> dict[str, Any]:
        """A user and their private chat with the bot (`started=False`: they never pressed Start)."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name, "language_code": "en"}
        if username:
            user["username"] = username
        with self._lock:
            self._users[user_id] = user
            self._chats[user_id] = Chat(user_id, "private", first_name=name, username=username, started=started)
        return user

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        admins: list[int] | None = None,
        members: list[int] | None = None,
        owner: int | None = None,
        username: str | None = None,
        supergroup: bool | None = None,
    ) -> Chat:
        """A group (or a supergroup when the id starts with -100) with the bot in it.

        Unknown admin and member ids become users named "User <id>". The owner is the first admin
        unless given.
        """
        admins = list(admins or [])
        if supergroup is None:
            supergroup = str(chat_id).startswith("-100")
        with self._lock:
            for user_id in [*admins, *(members or []), *([owner] if owner else [])]:
                if user_id not in self._users:
                    self.add_user(user_id, f"User {user_id}")
            owner = owner if owner is not None else (admins[0] if admins else None)
            chat = Chat(
                chat_id,
                "supergroup" if supergroup else "group",
                title=title,
                username=username,
                owner=owner,
                admins=[a for a in admins if a != owner],
                members={*admins, *(members or []), *([owner] if owner else [])},
            )
            self._chats[chat_id] = chat
        return chat

    def add_channel(
        self,
        chat_id: int,
        title: str,
        *,
        username: str | None = None,
        owner: int | None = None,
        bot_admin: bool = True,
        can_post: bool = True,
    ) -> Chat:
        """A channel; the bot is in it as an administrator (`can_post`: allowed to post) unless `bot_admin=False`."""
        with self._lock:
            if owner is not None and owner not in self._users:
                self.add_user(owner, f"User {owner}")
            chat = Chat(
                chat_id,
                "channel",
                title=title,
                username=username,
                owner=owner,
                members={owner} if owner else set(),
                bot_member=bot_admin,
                bot_admin=bot_admin,
                bot_can_post=can_post,
            )
            self._chats[chat_id] = chat
        return chat

    def revoke_admin(self, chat_id: int) -> None:
        """The channel's owner takes the bot's admin rights, which removes it from the channel: sends get 403."""
        with self._lock:
            chat = self._chats[chat_id]
            chat.bot_admin = chat.bot_member = False

    def chat(self, chat_id: int) -> Chat:
        return self._chats[chat_id]

    def block(self, chat_id: int, *, notify: bool = True) -> None:
        """The user blocks the bot, or the bot is kicked from the group: sends get 403."""
        with self._lock:
            chat = self._chats[chat_id]
            chat.blocked = True
            if notify:
                self._enqueue_member_change(chat, "member", "kicked")

    def unblock(self, chat_id: int) -> None:
        with self._lock:
            self._chats[chat_id].blocked = False

    def deactivate(self, user_id: int) -> None:
        """The user deleted their account: sends get 403 "user is deactivated"."""
        with self._lock:
            self._chats[user_id].deactivated = True

    def migrate(self, group_id: int, supergroup_id: int) -> Chat:
        """The group became a supergroup: sends to the old id get 400 with migrate_to_chat_id."""
        with self._lock:
            old = self._chats[group_id]
            old.migrated_to = supergroup_id
            new = Chat(
                supergroup_id,
                "supergroup",
                title=old.title,
                owner=old.owner,
                admins=list(old.admins),
                members=set(old.members),
            )
            self._chats[supergroup_id] = new
        return new

    # ---- what users do -----------------------------------------------------------------------

    def send_text(
        self,
        user: int | dict[str, Any],
        chat: int | None,
        text: str,
        *,
        reply_to: int | None = None,
        message_thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A user writes `text` in `chat` (None: their private chat); queue it as an update.

        `/cmd` and `/cmd@bot` get `bot_command` entities as a Telegram client would send them. In a
        group with privacy mode, text that is not a command for this bot, a reply to it or a
        mention is not delivered (as in Telegram); the message is returned either way.
        """
        user_id = _as_id(user)
        with self._lock:
            sender = self._users[user_id]
            target = self._chats[chat if chat is not None else user_id]
            if target.type == "private":
                target.started = True
            else:
                target.members.add(user_id)
            entities = bot_command_entities(text)
            message: dict[str, Any] = {
                "message_id": self._new_message_id(target.id),
                "from": sender,
                "chat": target.json(),
                "date": int(time.time()),
                "text": text,
            }
            if entities:
                message["entities"] = entities
            replied = None
            if reply_to is not None:
                replied = self._messages.get((target.id, reply_to))
                if replied is None:
                    raise LookupError(f"no message {reply_to} in chat {target.id} to reply to")
                message["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
            if message_thread_id is not None:
                message["message_thread_id"] = message_thread_id
            self._store(target.id, message)
            if self._reaches_bot(target, text, entities, replied):
                self._enqueue("message", message)
        return message

    def forward_from_channel(self, user: int | dict[str, Any], channel: int, text: str) -> dict[str, Any]:
        """A user forwards a post of `channel` to the bot in their private chat; queue it as an update."""
        user_id = _as_id(user)
        with self._lock:
            source = self._chats[channel]
            message: dict[str, Any] = {
                "message_id": self._new_message_id(user_id),
                "from": self._users[user_id],
                "chat": self._chats[user_id].json(),
                "date": int(time.time()),
                "text": text,
                "forward_origin": {"type": "channel", "chat": source.json(), "message_id": 1,
                                   "date": int(time.time())},
            }
            self._store(user_id, message)
            self._enqueue("message", message)
        return message

    def send_document(
        self, user: int | dict[str, Any], chat: int | None, filename: str, content: bytes, *, caption: str = ""
    ) -> dict[str, Any]:
        """A user sends a file (with a caption, e.g. `/import`) in `chat` (None: their private chat)."""
        user_id = _as_id(user)
        with self._lock:
            target = self._chats[chat if chat is not None else user_id]
            file_id = f"BQAC{len(self.files) + 1:06d}"
            self.files[file_id] = (f"documents/file_{len(self.files) + 1}_{filename}", content)
            message: dict[str, Any] = {
                "message_id": self._new_message_id(target.id),
                "from": self._users[user_id],
                "chat": target.json(),
                "date": int(time.time()),
                "document": {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                             "mime_type": "text/x-opml", "file_size": len(content)},
            }
            if caption:
                message["caption"] = caption
                entities = bot_command_entities(caption)
                if entities:
                    message["caption_entities"] = entities
            self._store(target.id, message)
            self._enqueue("message", message)
        return message

    def post_in_channel(self, channel: int, text: str) -> dict[str, Any]:
        """Someone posts `text` in the channel; a bot that is its admin gets a `channel_post` with no sender."""
        with self._lock:
            chat = self._chats[channel]
            entities = bot_command_entities(text)
            message: dict[str, Any] = {
                "message_id": self._new_message_id(channel),
                "sender_chat": chat.json(),
                "chat": chat.json(),
                "date": int(time.time()),
                "text": text,
                **({"entities": entities} if entities else {}),
            }
            self._store(channel, message)
            if chat.bot_member:
                self._enqueue("channel_post", message)
        return message

    def press_button(self, user: int | dict[str, Any], chat: int | None, message_id: int, callback_data: str) -> str:
        """A user presses the inline button with `callback_data` under the bot's message; returns the query id."""
        user_id = _as_id(user)
        with self._lock:
            chat_id = chat if chat is not None else user_id
            message = self._messages.get((chat_id, message_id))
            if message is None or message["from"]["id"] != self.bot_user["id"]:
                raise LookupError(f"no message {message_id} from the bot in chat {chat_id}")
            buttons = [b for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row]
            if not any(b.get("callback_data") == callback_data for b in buttons):
                offered = [b.get("callback_data") for b in buttons]
                raise LookupError(f"message {message_id} has no button {callback_data!r}; it has {offered}")
            self._query_counter += 1
            query_id = str(4_000_000_000 + self._query_counter)
            query: dict[str, Any] = {
                "id": query_id,
                "from": self._users[user_id],
                "message": message,
                "chat_instance": str(abs(chat_id) * 7 + 1),
                "data": callback_data,
            }
            self._open_queries[query_id] = query
            self._enqueue("callback_query", query)
        return query_id

    # ---- what the bot did --------------------------------------------------------------------

    def messages_to(self, chat_id: int) -> list[Sent]:
        """The messages the bot sent to a chat, in order (record "full" or "meta")."""
        return list(self._by_chat.get(chat_id, ()))

    def texts_to(self, chat_id: int) -> list[str]:
        """The plain texts (after entity parsing) the bot sent to a chat."""
        return [s.plain or "" for s in self._by_chat.get(chat_id, ())]

    def message(self, chat_id: int, message_id: int) -> dict[str, Any]:
        """A stored message as Telegram holds it now (after edits): text, entities, reply_markup."""
        return self._messages[(chat_id, message_id)]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    @property
    def violations(self) -> list[Violation]:
        """Every message sent over a flood limit (see `telegram_limits`)."""
        return self.meter.violations

    def violation_counts(self) -> dict[str, int]:
        return self.meter.counts()

    @property
    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        return len(self._updates)

    # ---- faults ------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = 429,
        *,
        retry_after: int | None = None,
        times: int = 1,
        description: str | None = None,
        chat_id: int | None = None,
    ) -> None:
        """The next `times` calls of `method` (to `chat_id`, if given) fail with `status`.

        429 carries `retry_after` (default 2) as Telegram does; `times=50` is a 429 storm.
        """
        parameters = None
        if status == 429:
            retry_after = 2 if retry_after is None else retry_after
            parameters = {"retry_after": retry_after}
            description = description or f"Too Many Requests: retry after {retry_after}"
        description = description or FAULT_DESCRIPTIONS.get(status, f"Error {status}")
        with self._lock:
            self._faults.setdefault(method.lower(), []).append(Fault(status, description, parameters, times, chat_id))

    def delay(self, method: str, seconds: float) -> None:
        """Answer `method` only after `seconds` (0 removes the delay)."""
        with self._lock:
            if seconds > 0:
                self._delays[method.lower()] = seconds
            else:
                self._delays.pop(method.lower(), None)

    def _take_fault(self, key: str, params: dict[str, Any]) -> Fault | None:
        with self._lock:
            faults = self._faults.get(key)
            if not faults:
                return None
            chat_id = params.get("chat_id")
            for fault in faults:
                if fault.chat_id is None or fault.chat_id == chat_id:
                    fault.times -= 1
                    if fault.times <= 0:
                        faults.remove(fault)
                    return fault
        return None

    # ---- bookkeeping -------------------------------------------------------------------------

    def _new_message_id(self, chat_id: int) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _store(self, chat_id: int, message: dict[str, Any]) -> None:
        if self.record == "full":
            self._messages[(chat_id, message["message_id"])] = message

    def _record(self, sent: Sent, into: list[Sent]) -> None:
        if self.record == "count":
            return
        into.append(sent)
        if into is self.sent:
            self._by_chat.setdefault(sent.chat_id, []).append(sent)

    def _reaches_bot(
        self, chat: Chat, text: str, entities: list[dict[str, Any]], replied: dict[str, Any] | None
    ) -> bool:
        if chat.type == "private" or not self.privacy_mode:
            return True
        if replied is not None and replied["from"]["id"] == self.bot_user["id"]:
            return True
        me = self.bot_user["username"].lower()
        if f"@{me}" in text.lower():
            return True
        for entity in entities:
            command = text[entity["offset"] : entity["offset"] + entity["length"]]  # commands are ASCII
            _, _, addressee = command.partition("@")
            if not addressee or addressee.lower() == me:
                return True
        return False

    def _enqueue(self, kind: str, payload: dict[str, Any]) -> None:
        self._update_id += 1
        self._updates.append((self._update_id, kind, {"update_id": self._update_id, kind: payload}))
        self._wake_pollers()

    def _enqueue_member_change(self, chat: Chat, old: str, new: str) -> None:
        user = self._users.get(chat.id) if chat.type == "private" else self._users.get(chat.owner or 0)
        bot = self.bot_user
        change = {
            "chat": chat.json(),
            "from": user or {"id": 777000, "is_bot": False, "first_name": "Telegram"},
            "date": int(time.time()),
            "old_chat_member": {"status": old, "user": bot},
            "new_chat_member": {"status": new, "user": bot, **({"until_date": 0} if new == "kicked" else {})},
        }
        self._enqueue("my_chat_member", change)

    def _wake_pollers(self) -> None:
        """A new update is queued: the server overrides this to end waiting long polls."""

    def _confirm(self, offset: int) -> None:
        """Forget the updates a getUpdates offset confirms (a negative offset keeps the last -offset)."""
        if offset > 0:
            keep = next((i for i, u in enumerate(self._updates) if u[0] >= offset), len(self._updates))
            del self._updates[:keep]
        elif offset < 0:
            del self._updates[: max(len(self._updates) + offset, 0)]

    def _take_updates(self, limit: int) -> list[dict[str, Any]]:
        """The first `limit` allowed updates; updates of a type not allowed are dropped, as Telegram does."""
        allowed = self._allowed
        if allowed is None:
            dropped = [u for u in self._updates if u[1] in OPT_IN_UPDATES]
        else:
            dropped = [u for u in self._updates if u[1] not in allowed]
        for update in dropped:
            self._updates.remove(update)
        return [u[2] for u in self._updates[:limit]]

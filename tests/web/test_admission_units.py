"""The per-client limits of the chat sockets, on an injected clock: sockets, buckets, typing, Rasa places."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from bot.web.admission import Admission, Refused
from bot.web.clients import client_address, client_key, network_of
from bot.web.limits import Remembered, TokenBucket
from bot.web.protocol import ERROR_TEXTS
from bot.web.settings import Settings


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


LIMITS = replace(
    Settings(),
    max_sockets=5,
    max_sockets_per_client=3,
    client_rate_burst=10,
    client_rate_per_second=1.0,
    rate_burst=6,
    rate_per_second=0.5,
    typing_burst=4,
    typing_per_second=2.0,
    client_in_flight=2,
)


def test_a_full_bucket_is_as_good_as_new() -> None:
    clock = Clock()
    bucket = TokenBucket(burst=2, per_second=1.0, clock=clock)
    assert bucket.full() and bucket.ready()
    bucket.take()
    assert not bucket.full() and bucket.ready()
    clock.now += 1.0
    assert bucket.full()


def test_remembered_entries_are_forgotten_only_when_idle_or_over_the_limit() -> None:
    clock = Clock()
    remembered: Remembered[TokenBucket] = Remembered(
        lambda: TokenBucket(2, 1.0, clock), idle=TokenBucket.full, limit=3
    )
    remembered.get("a").take()
    remembered.get("b")  # "a" is not idle yet: kept
    assert len(remembered) == 2
    clock.now += 5
    remembered.get("c")  # "a" and "b" are full again: forgotten
    assert len(remembered) == 1
    for key in "defgh":
        remembered.get(key).take()
    assert len(remembered) == 3  # over the limit the longest-unused one goes, idle or not


def test_busy_entries_are_never_forgotten() -> None:
    remembered: Remembered[list[int]] = Remembered(
        list, idle=lambda _: False, busy=lambda entry: bool(entry), limit=2
    )
    remembered.get("open").append(1)
    for key in "abcdef":
        remembered.get(key)
    assert remembered.get("open") == [1]


def test_a_client_may_open_its_maximum_of_sockets_and_another_client_still_gets_in() -> None:
    admission = Admission(LIMITS, Clock())
    mine = [admission.admit("one") for _ in range(3)]
    with pytest.raises(Refused) as refused:
        admission.admit("one")
    assert refused.value.code == "too_many_chats"
    other = admission.admit("two")
    assert admission.open_sockets == 4
    mine[0].leave()
    mine[0].leave()  # counted once
    assert admission.sockets_of("one") == 2 and admission.open_sockets == 3
    admission.admit("one")
    admission.admit("three")
    with pytest.raises(Refused) as full:
        admission.admit("four")
    assert full.value.code == "busy"
    other.leave()
    admission.admit("four")


def test_reconnecting_gives_no_fresh_allowance() -> None:
    clock = Clock()
    admission = Admission(LIMITS, clock)
    client = admission.admit("one")
    assert [client.allow_message("visitor-1") for _ in range(7)] == [True] * 6 + [False]
    client.leave()
    again = admission.admit("one")  # the same visitor on a new socket: its bucket is remembered
    assert not again.allow_message("visitor-1")
    # A new visitor id gets its own bucket, but the client's bucket is shared: 10 tokens in all,
    # of which the two sockets and the six messages took eight.
    assert [again.allow_message("visitor-2") for _ in range(3)] == [True, True, False]
    with pytest.raises(Refused):
        admission.admit("one")  # opening a socket costs a token of the client's bucket too
    clock.now += 2.0
    assert again.allow_message("visitor-1")


def test_typing_frames_above_the_rate_are_dropped() -> None:
    clock = Clock()
    admission = Admission(LIMITS, clock)
    first, second = admission.admit("one"), admission.admit("one")
    passed = [first.allow_typing() for _ in range(3)] + [second.allow_typing() for _ in range(3)]
    assert passed == [True] * 4 + [False] * 2  # one bucket per client, for all its sockets
    clock.now += 0.5
    assert second.allow_typing() and not first.allow_typing()


async def test_one_client_has_only_a_few_messages_at_rasa_at_once() -> None:
    admission = Admission(LIMITS, Clock())
    client, other = admission.admit("one"), admission.admit("two")
    release = asyncio.Event()
    inside: list[str] = []

    async def relay(who: str, of: object) -> None:
        async with of.at_rasa():  # type: ignore[attr-defined]
            inside.append(who)
            await release.wait()

    tasks = [asyncio.create_task(relay(f"one-{i}", client)) for i in range(3)]
    tasks.append(asyncio.create_task(relay("two", other)))
    for _ in range(5):
        await asyncio.sleep(0)
    assert sorted(inside) == ["one-0", "one-1", "two"]  # the third of client one waits its turn
    release.set()
    await asyncio.gather(*tasks)
    assert len(inside) == 4


def test_refusals_are_kind_dutch_and_name_113_and_112() -> None:
    for code in ("too_many_chats", "busy"):
        text = ERROR_TEXTS[code]  # type: ignore[index]
        assert "Je tekst blijft staan" in text and "113" in text and "112" in text


def test_settings_for_the_limits_come_from_the_environment() -> None:
    default = Settings.from_env({})
    assert (default.max_sockets, default.max_sockets_per_client) == (2000, 20)
    assert default.trusted_proxies == frozenset()
    custom = Settings.from_env(
        {
            "GATEWAY_MAX_SOCKETS": "100",
            "GATEWAY_MAX_SOCKETS_PER_CLIENT": "3",
            "GATEWAY_CLIENT_RATE_BURST": "7",
            "GATEWAY_CLIENT_RATE_PER_SECOND": "0.25",
            "GATEWAY_CLIENT_IN_FLIGHT": "1",
            "GATEWAY_TYPING_BURST": "2",
            "GATEWAY_TYPING_PER_SECOND": "0.5",
            "GATEWAY_TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2",
        }
    )
    assert (custom.max_sockets, custom.max_sockets_per_client, custom.client_in_flight) == (100, 3, 1)
    assert (custom.client_rate_burst, custom.client_rate_per_second) == (7, 0.25)
    assert (custom.typing_burst, custom.typing_per_second) == (2, 0.5)
    assert custom.trusted_proxies == frozenset({"10.0.0.1", "10.0.0.2"})


def request_from(peer: str, forwarded: str | None = None) -> object:
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        (peer, 50000) if name == "peername" else default
    )
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return make_mocked_request("GET", "/ws", headers=headers, transport=transport)


def test_forwarded_for_is_believed_only_from_a_trusted_proxy() -> None:
    proxies = frozenset({"10.0.0.1"})
    assert client_address(request_from("203.0.113.9"), proxies) == "203.0.113.9"  # type: ignore[arg-type]
    spoofed = request_from("203.0.113.9", "198.51.100.1")
    assert client_address(spoofed, proxies) == "203.0.113.9"  # type: ignore[arg-type]
    proxied = request_from("10.0.0.1", "6.6.6.6, 198.51.100.1")  # the left part is the client's own
    assert client_address(proxied, proxies) == "198.51.100.1"  # type: ignore[arg-type]
    assert client_address(request_from("10.0.0.1"), proxies) == "10.0.0.1"  # type: ignore[arg-type]


def test_client_keys_are_salted_hashes_that_group_an_ipv6_network() -> None:
    key = client_key("203.0.113.9")
    assert "203" not in key and len(key) == 32
    assert key == client_key("203.0.113.9") != client_key("203.0.113.10")
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9")  # one /64
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert network_of("::ffff:203.0.113.9") == "203.0.113.9"
    assert network_of("geen adres") == "unknown"

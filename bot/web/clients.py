"""Who is on the other end, as a key for per-client limits: a salted hash of the address, never the address.

The salt is random per process and lives only in memory, so a key cannot be turned back into an address
and means nothing after a restart or on another replica. Keys are never logged. An IPv6 client is keyed
by its /64 network (one household or phone gets a whole /64); an IPv4 client by its address, so a
household or office behind one NAT address counts as one client.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets

from aiohttp import web

_SALT = secrets.token_bytes(32)
# Stands for a client whose address is unknown (a Unix socket): they all share one key.
UNKNOWN = "unknown"


def network_of(address: str) -> str:
    """The part of an address that names one client: the IPv4 address, or the IPv6 /64 network."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return UNKNOWN
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def client_address(request: web.Request, trusted_proxies: frozenset[str]) -> str:
    """The visitor's address: the peer, or, when the peer is a trusted proxy, from `X-Forwarded-For`.

    The header is read from the right: the first address that is not a trusted proxy is the client
    (anything further left was written by the client itself and could be made up).
    """
    peer = request.remote or UNKNOWN
    if peer not in trusted_proxies:
        return peer
    forwarded = [
        part.strip() for value in request.headers.getall("X-Forwarded-For", []) for part in value.split(",")
    ]
    for address in reversed(forwarded):
        if address and address not in trusted_proxies:
            return address
    return peer


def client_key(address: str) -> str:
    """The salted hash that stands for a client in every per-client limit."""
    return hmac.new(_SALT, network_of(address).encode(), hashlib.sha256).hexdigest()[:32]


def request_client_key(request: web.Request, trusted_proxies: frozenset[str]) -> str:
    """The key of the client that sent `request`."""
    return client_key(client_address(request, trusted_proxies))

"""Is a link live? The one piece of reply lint that does I/O, injected so that the lint stays pure.

2xx and 3xx are live (redirects are not followed: a 3xx already proves the page is served); 4xx, 5xx,
DNS failures, refused connections, TLS errors and timeouts are broken. HEAD first, GET when HEAD is
answered with an error (many servers refuse or mishandle HEAD). Results are cached per URL with a TTL,
shorter for broken links so that a fixed page is noticed soon.
"""

from __future__ import annotations

import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class LinkStatus:
    live: bool
    detail: str  # "200", "404", "timeout", "dns: ...": shown to the person approving a draft


class LinkChecker(Protocol):
    def check(self, url: str) -> LinkStatus: ...


class StaticLinkChecker:
    """Answers from a fixed table (unknown URLs are broken): for dry runs and offline use."""

    def __init__(self, statuses: dict[str, LinkStatus] | None = None) -> None:
        self.statuses = dict(statuses or {})

    def check(self, url: str) -> LinkStatus:
        return self.statuses.get(url, LinkStatus(False, "not checked"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx then surfaces as an HTTPError whose code we read


class HttpLinkChecker:
    """Real checker over urllib; thread-safe, so an asyncio shell can call it from an executor."""

    def __init__(
        self,
        *,
        timeout: float = 3.0,
        ttl_seconds: float = 600.0,
        broken_ttl_seconds: float = 60.0,
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], float] = time.monotonic,
        user_agent: str = "vigie-link-check/1",
    ) -> None:
        self.timeout = timeout
        self.ttl = ttl_seconds
        self.broken_ttl = broken_ttl_seconds
        self.clock = clock
        self.user_agent = user_agent
        self._cache: dict[str, tuple[float, LinkStatus]] = {}
        self._lock = threading.Lock()
        self._opener = urllib.request.build_opener(
            _NoRedirect(), urllib.request.HTTPSHandler(context=ssl_context or ssl.create_default_context())
        )

    def check(self, url: str) -> LinkStatus:
        now = self.clock()
        with self._lock:
            cached = self._cache.get(url)
        if cached and cached[0] > now:
            return cached[1]
        status = self._request(url, "HEAD")
        if not status.live and status.detail.isdigit():
            status = self._request(url, "GET")
        with self._lock:
            self._cache[url] = (now + (self.ttl if status.live else self.broken_ttl), status)
        return status

    def check_many(self, urls: Iterable[str]) -> dict[str, LinkStatus]:
        return {url: self.check(url) for url in dict.fromkeys(urls)}

    def _request(self, url: str, method: str) -> LinkStatus:
        request = urllib.request.Request(url, method=method, headers={"User-Agent": self.user_agent})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                code = int(response.status)
        except urllib.error.HTTPError as exc:
            code = exc.code
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                return LinkStatus(False, "timeout")
            return LinkStatus(False, f"unreachable: {reason}")
        except TimeoutError:
            return LinkStatus(False, "timeout")
        except (OSError, ValueError) as exc:  # reset connection, bad TLS, malformed URL
            return LinkStatus(False, f"unreachable: {exc}")
        return LinkStatus(200 <= code < 400, str(code))

"""One small helper for every HTTP server on 127.0.0.1: bind, serve from a thread, stop.

The demo site (``make demo`` and the crawl tests), the fault site and the crawl benchmark all
serve pages to a real ``scrapy crawl`` over loopback. They differ in what they answer, not in how
they run, so the running part is here: bind to port 0 (the OS picks a free one, so parallel runs
never collide), serve on a daemon thread (a test that forgets to stop cannot keep the process
alive), and stop idempotently.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from typing import Generic, TypeVar

ServerT = TypeVar("ServerT", bound=ThreadingHTTPServer)


class LoopbackServer(Generic[ServerT]):
    """A ``ThreadingHTTPServer`` (made by ``make`` from the address) served from a daemon thread."""

    def __init__(
        self, make: Callable[[tuple[str, int]], ServerT], *, host: str = "127.0.0.1", port: int = 0, name: str = "http"
    ) -> None:
        self._make = make
        self.host = host
        self.port = port
        self.name = name
        self.httpd: ServerT | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> ServerT:
        """Bind the socket and serve; returns the running server."""
        if self.httpd is not None:
            raise RuntimeError(f"{self.name} already started")
        httpd = self._make((self.host, self.port))
        httpd.daemon_threads = True  # handler threads never keep the process alive
        self.port = int(httpd.server_address[1])
        self.httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, name=self.name, daemon=True
        )
        self._thread.start()
        return httpd

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        httpd, thread = self.httpd, self._thread
        self.httpd, self._thread = None, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    @property
    def running(self) -> bool:
        """Whether the server is bound and serving."""
        return self.httpd is not None

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server, without trailing slash."""
        if self.httpd is None:
            raise RuntimeError(f"{self.name} is not running; call start() first")
        return f"http://{self.host}:{self.port}"

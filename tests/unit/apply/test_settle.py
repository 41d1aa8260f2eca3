"""Blocks that fit more than one reading: when the sketch's shape decides, the merge takes that reading; when it
does not, it still refuses. Each case is modelled on a benchmark sketch from real code."""

from __future__ import annotations

import pytest
from polyedit.apply import ApplyRefused, apply_sketch

STYLE = """class Style:
    def copy(self):
        style = Style()
        style._link = None
        style._link_id = ""
        style._hash = self._hash
        style._null = False
        return style

    def update_link(self, link):
        style = Style()
        style._link = link
        style._link_id = f"{link}" if link else ""
        style._hash = None
        style._null = False
        return style
"""

LOCATION = """function location(url) {
  var loc;
  // "back" is an alias for the referrer
  if (url === 'back') {
    loc = this.referrer || '/';
  } else {
    loc = String(url);
  }

  var m = schemaAndHost.exec(loc);
  var pos = m ? m[0].length + 1 : 0;
  // Only encode after the host.
  loc = loc.slice(0, pos) + encodeUrl(loc.slice(pos));
  return this.set('Location', loc);
}

/**
 * Redirect to the given `url`.
 */
function redirect(url) {
  return location(url);
}
"""

SERDE = """use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

impl Serialize for Version {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        serializer.collect_str(self)
    }
}

impl Serialize for VersionReq {
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
"""

PANEL = """class Panel:
    def __init__(
        self,
        renderable,
        *,
        title: Optional[str] = None,
        width: Optional[int] = None,
        height: Optional[int] = None,
        padding: int = 0,
        highlight: bool = False,
    ) -> None:
        self.renderable = renderable
        self.title = title

    @classmethod
    def fit(
        cls,
        renderable,
        *,
        title: Optional[str] = None,
        width: Optional[int] = None,
        padding: int = 0,
    ) -> "Panel":
        return cls(renderable, title=title)
"""

ITER_TEXT = """def {name}(self):
    for part in self.{parts}():
        text_content = decoder.decode(part)
        yield text_content
    text_content = decoder.flush()
    for chunk in chunker.decode(text_content):
        yield chunk
    for chunk in chunker.flush():
        yield chunk
"""
STREAM = (  # two functions alike but for their names: a block from one fits the other
    ITER_TEXT.format(name="iter_text", parts="parts") + "\n\n" + ITER_TEXT.format(name="aiter_text", parts="aparts")
)

STREAM_BYTES = (
    STREAM.split("\n\n\n")[0]
    + """


def iter_bytes(self):
    for part in self.parts():
        decoded = decoder.decode(part)
        for chunk in chunker.decode(decoded):
            yield chunk
    decoded = decoder.flush()
    for chunk in chunker.decode(decoded):
        yield chunk  # pragma: no cover
    for chunk in chunker.flush():
        yield chunk
"""
)

FORMS = """class FormParser:
    def __init__(
        self, headers: Headers, stream: typing.AsyncGenerator[bytes, None]
    ) -> None:
        assert (
            multipart is not None
        ), "python-multipart must be installed to parse forms."
        self.headers = headers
        self.stream = stream
        self.messages = []


class MultiPartParser:
    def __init__(self, headers: Headers, stream, *, max_files: int = 1000) -> None:
        assert (
            multipart is not None
        ), "python-multipart must be installed to parse forms."
        self.headers = headers
        self.stream = stream
        self.max_files = max_files
"""

TRANSPORT = """class {name}:
    def __init__(
        self,
        limits: Limits = DEFAULT_LIMITS,
        proxy: Proxy | None = None,
        uds: str | None = None,
    ) -> None:
        ssl_context = create_ssl_context()

        if proxy is None:
            self._pool = {pool}(ssl_context)

    {enter}(self):
        return self
"""
TRANSPORTS = (  # two classes alike but for their names: every block of the sketch fits both
    TRANSPORT.format(name="HTTPTransport", pool="ConnectionPool", enter="def __enter__")
    + "\n\n"
    + TRANSPORT.format(name="AsyncHTTPTransport", pool="AsyncConnectionPool", enter="async def __aenter__")
)

PROXY_LINE = "        proxy = Proxy(url=proxy) if isinstance(proxy, str) else proxy\n"
NEW_PROXY = (
    "        limits: Limits = DEFAULT_LIMITS,\n        proxy: ProxyTypes | None = None,\n"
    "        uds: str | None = None,\n"
    "    # ... existing code ...\n    ) -> None:\n        ssl_context = create_ssl_context()\n"
    + PROXY_LINE
    + "\n        if proxy is None:\n"
)

CASES = [
    (
        "a tie goes to the place where the block's first and last lines both stand",
        "style.py",
        STYLE,
        '        # ... existing code ...\n        style._link_id = ""\n        style._hash = None\n'
        "        style._null = False\n        # ... existing code ...\n",
        STYLE.replace("style._hash = self._hash", "style._hash = None"),
    ),
    (
        "a deletion between the block's edges that removes whole statements stands",
        "response.js",
        LOCATION,
        "// ... existing code ...\n"
        "  // \"back\" is an alias for the referrer\n  if (url === 'back') {\n    loc = this.referrer || '/';\n"
        "  } else {\n    loc = String(url);\n  }\n\n  return this.set('Location', encodeUrl(loc));\n}\n\n"
        "/**\n * Redirect to the given `url`.\n// ... existing code ...\n",
        LOCATION.replace(
            "  var m = schemaAndHost.exec(loc);\n  var pos = m ? m[0].length + 1 : 0;\n"
            "  // Only encode after the host.\n  loc = loc.slice(0, pos) + encodeUrl(loc.slice(pos));\n"
            "  return this.set('Location', loc);\n",
            "  return this.set('Location', encodeUrl(loc));\n",
        ),
    ),
    (
        "a deletion of a whole definition between the block's edges stands",
        "serde.rs",
        SERDE,
        "// ... existing code ...\nuse serde::ser::{Serialize, Serializer};\n\nimpl Serialize for Version {\n}\n\n"
        "impl Serialize for VersionReq {\n// ... existing code ...\n",
        SERDE.replace(
            "    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>\n    where\n"
            "        S: Serializer,\n    {\n        serializer.collect_str(self)\n    }\n",
            "",
        ),
    ),
    (
        "a deletion that would cut through definitions gives way to the place that holds the block's edges",
        "panel.py",
        PANEL,
        "        # ... existing code ...\n        width: Optional[int] = None,\n        height: Optional[int] = None,\n"
        "        padding: int = 0,\n        highlight: bool = False,\n"
        '    ) -> "Panel":\n        # ... existing code ...\n',
        PANEL.replace(
            '        width: Optional[int] = None,\n        padding: int = 0,\n    ) -> "Panel":',
            "        width: Optional[int] = None,\n        height: Optional[int] = None,\n        padding: int = 0,\n"
            '        highlight: bool = False,\n    ) -> "Panel":',
        ),
    ),
    (
        "two equal blocks for two equal places go in order",
        "stream.py",
        STREAM,
        "# ... existing code ...\n    text_content = decoder.flush()\n    for chunk in chunker.decode(text_content):\n"
        "        yield chunk  # pragma: no cover\n    for chunk in chunker.flush():\n# ... existing code ...\n"
        "    text_content = decoder.flush()\n    for chunk in chunker.decode(text_content):\n"
        "        yield chunk  # pragma: no cover\n    for chunk in chunker.flush():\n# ... existing code ...\n",
        STREAM.replace(
            "in chunker.decode(text_content):\n        yield chunk\n",
            "in chunker.decode(text_content):\n        yield chunk  # pragma: no cover\n",
        ),
    ),
    (
        "an edge line repeated within the block's span: the candidate pairing the most lines",
        "stream.py",
        STREAM_BYTES,
        "# ... existing code ...\n    text_content = decoder.flush()\n    for chunk in chunker.decode(text_content):\n"
        "        yield chunk  # pragma: no cover\n    for chunk in chunker.flush():\n        yield chunk\n"
        "# ... existing code ...\n",
        STREAM_BYTES.replace(
            "in chunker.decode(text_content):\n        yield chunk\n",
            "in chunker.decode(text_content):\n        yield chunk  # pragma: no cover\n",
        ),
    ),
    (
        "a doubtful deletion stands when the lines that replace it are the same code re-wrapped",
        "forms.py",
        FORMS,
        "# ... existing code ...\nclass FormParser:\n"
        "    def __init__(self, headers: Headers, stream: typing.AsyncGenerator[bytes, None]) -> None:\n"
        '        assert multipart is not None, "python-multipart must be installed to parse forms."\n'
        "        self.headers = headers\n        self.stream = stream\n        # ... existing code ...\n",
        FORMS.replace(
            "    def __init__(\n        self, headers: Headers, stream: typing.AsyncGenerator[bytes, None]\n"
            "    ) -> None:\n        assert (\n            multipart is not None\n"
            '        ), "python-multipart must be installed to parse forms."\n',
            "    def __init__(self, headers: Headers, stream: typing.AsyncGenerator[bytes, None]) -> None:\n"
            '        assert multipart is not None, "python-multipart must be installed to parse forms."\n',
        ),
    ),
    (
        "equal blocks, each fitting both places, go in order when the blocks after them leave one way",
        "transport.py",
        TRANSPORTS,
        "# ... existing code ...\n"
        + NEW_PROXY
        + "# ... existing code ...\n"
        + NEW_PROXY
        + "# ... existing code ...\n    async def __aenter__(self):\n# ... existing code ...\n",
        TRANSPORTS.replace("proxy: Proxy | None", "proxy: ProxyTypes | None").replace(
            "ssl_context = create_ssl_context()\n", "ssl_context = create_ssl_context()\n" + PROXY_LINE
        ),
    ),
]


@pytest.mark.parametrize(("name", "path", "original", "sketch", "expected"), CASES, ids=[c[0] for c in CASES])
def test_settled(name: str, path: str, original: str, sketch: str, expected: str) -> None:
    assert apply_sketch(path, original, sketch).text == expected


REFUSED = [
    (
        "the block's edges stand close together in two places",
        "stream.py",
        STREAM,
        "# ... existing code ...\n    text_content = decoder.flush()\n    log(text_content)\n"
        "    for chunk in chunker.decode(text_content):\n# ... existing code ...\n",
    ),
    (
        "a single equal block for two equal places",
        "stream.py",
        STREAM,
        "# ... existing code ...\n    text_content = decoder.flush()\n    for chunk in chunker.decode(text_content):\n"
        "        yield chunk  # pragma: no cover\n    for chunk in chunker.flush():\n# ... existing code ...\n",
    ),
    (
        "more than three lines dropped at the start without a marker",
        "stream.py",
        STREAM,
        "def aiter_text(self):\n    for part in self.aparts():\n        # ... existing code ...\n",
    ),
]


@pytest.mark.parametrize(("name", "path", "original", "sketch"), REFUSED, ids=[c[0] for c in REFUSED])
def test_still_refused(name: str, path: str, original: str, sketch: str) -> None:
    with pytest.raises(ApplyRefused):
        apply_sketch(path, original, sketch)

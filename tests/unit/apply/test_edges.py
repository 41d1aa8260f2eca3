"""Blocks read by their edges: a context sketch's first and last distinctive lines (or the file's end) are the
unchanged lines around its change. Each case is modelled on a benchmark sketch from real code."""

from __future__ import annotations

import pytest
from polyedit.apply import apply_sketch

WSGI = """class WSGIResponder:
    def send_body(self, chunk):
        anyio.from_thread.run(
            self.stream_send.send,
            {"type": "http.response.body", "body": chunk, "more_body": True},
        )

        anyio.from_thread.run(
            self.stream_send.send,
            {"type": "http.response.body", "body": b""},
        )
"""

COMPAT = '''"""
Compatibility code.
"""

try:
    import chardet
except ImportError:
    import charset_normalizer as chardet

import sys

# -------
# Pythons
# -------

is_py3 = sys.version_info[0] == 3
'''

DETECT = """def detect():
    \"\"\"The character detection library installed.\"\"\"
    return importlib.import_module("chardet")


chardet = detect()
"""

ISSUES_JS = """function makeIssue(params) {
    const fullIssue = { ...params.issueData, path: params.path };
    let errorMessage = "";
    const maps = params.errorMaps
        .filter((m) => !!m)
        .slice()
        .reverse();
    for (const map of maps) {
        errorMessage = map(fullIssue, { data: params.data, defaultError: errorMessage }).message;
    }
    return { ...fullIssue, message: errorMessage };
}
"""

HOOK = """func ExampleDefaultFieldHook() {
\tl := logrus.New()
\tl.Out = os.Stdout
\tl.Info("first log")
\t// Output:
\t// level=info msg="first log"
}
"""
HOOK_GO = "package logrus_test\n\n" + HOOK
HOOK_V2 = "\n" + HOOK.replace("ExampleDefaultFieldHook", "ExampleDefaultFieldHookV2")  # the copy the edit adds

SEE_ALSO = """func hasSeeAlso(cmd *cobra.Command) bool {
\tif cmd.HasParent() {
\t\treturn true
\t}
\tfor _, c := range cmd.Commands() {
\t\tif !c.IsAvailableCommand() {
\t\t\tcontinue
\t\t}
\t\treturn true
\t}
\treturn false
}
"""

UTIL_GO = (
    "package doc\n\n"
    + SEE_ALSO
    + """
// Temporary workaround for yaml lib generating incorrect yaml with long strings
// that do not contain newlines.
func forceMultiLine(s string) string {
\treturn s
}
"""
)

SEE_ALSO_V2 = SEE_ALSO.replace("hasSeeAlso", "hasSeeAlsoV2") + "\n"  # the copy the edit adds

REQUEST = """class Response:
    @property
    def request(self) -> Request:
        if self._request is None:
            raise RuntimeError("no request")
        return self._request

    @request.setter
    def request(self, value: Request) -> None:
        self._request = value
"""

CASES = [
    (
        "a new copy of a function goes between the block's edges, not onto the function it copies",
        "util.go",
        UTIL_GO,
        "\t// ... existing code ...\n\treturn false\n}\n\n"
        + SEE_ALSO_V2
        + "// Temporary workaround for yaml lib generating incorrect yaml with long strings\n"
        "// that do not contain newlines.\n// ... existing code ...\n",
        UTIL_GO.replace("}\n\n// Temporary", "}\n\n" + SEE_ALSO_V2 + "// Temporary"),
    ),
    (
        "a block that stops opening a body keeps the rest of it, whatever the marker's depth",
        "response.py",
        REQUEST,
        "    # ... existing code ...\n    @property\n    def request(self) -> Request | None:\n"
        "        if self._request is None:\n    # ... existing code ...\n",
        REQUEST.replace("def request(self) -> Request:", "def request(self) -> Request | None:"),
    ),
    (
        "a sketch without a trailing marker may drop the file's last lines when its new last line re-wraps them",
        "wsgi.py",
        WSGI,
        "        # ... existing code ...\n"
        '            {"type": "http.response.body", "body": chunk, "more_body": True},\n        )\n\n'
        '        anyio.from_thread.run(self.stream_send.send, {"type": "http.response.body", "body": b""})\n',
        WSGI.split("\n\n        anyio")[0]
        + '\n\n        anyio.from_thread.run(self.stream_send.send, {"type": "http.response.body", "body": b""})\n',
    ),
    (
        "an edge line repeated just after the first: the reading that keeps more of the file",
        "compat.py",
        COMPAT,
        '# ... existing code ...\nCompatibility code.\n"""\n\nimport importlib\nimport sys\n\n'
        + DETECT
        + "\n# -------\n# ... existing code ...\n",
        COMPAT.replace(
            "try:\n    import chardet\nexcept ImportError:\n    import charset_normalizer as chardet\n\nimport sys\n",
            "import importlib\nimport sys\n\n" + DETECT,
        ),
    ),
    (
        "a definition cut short of the way the original's ends keeps the rest, whatever the marker's depth",
        "issues.js",
        ISSUES_JS,
        '    // ... existing code ...\n    let errorMessage = "(none)";\n    const maps = params.errorMaps\n'
        "        .filter((m) => !!m)\n    // ... existing code ...\n",
        ISSUES_JS.replace('let errorMessage = "";', 'let errorMessage = "(none)";'),
    ),
    (
        "a block with no marker after it ends where the file ends: a copy of the last function is added there",
        "hook_test.go",
        HOOK_GO,
        '\t// ...\n\t// level=info msg="first log"\n}\n' + HOOK_V2,
        HOOK_GO + HOOK_V2,
    ),
    (
        "a sketch without a leading marker may drop the file's first import",
        "response.py",
        "import os\n" + REQUEST,
        "class Response:\n    @property\n    def request(self) -> Request:\n        # ... existing code ...\n",
        REQUEST,
    ),
]


@pytest.mark.parametrize(("name", "path", "original", "sketch", "expected"), CASES, ids=[c[0] for c in CASES])
def test_read_by_edges(name: str, path: str, original: str, sketch: str, expected: str) -> None:
    assert apply_sketch(path, original, sketch).text == expected

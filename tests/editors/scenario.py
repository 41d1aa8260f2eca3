"""The change every editor test makes: rename a function across two files and create a third, scripted through the
loopback Messages API. ``EXPECTED`` is what must be on disk afterwards, byte for byte."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fakes.anthropic_server import Reply
from tests.unit.pipeline.test_run import file_of

INSTRUCTION = "rename fetch_user to load_user and add a constants module"
FILES = {
    "app/users.py": "def fetch_user(uid):\n    return {'id': uid}\n\n\ndef count_users():\n    return 0\n",
    "app/views.py": "from app.users import fetch_user\n\n\ndef show(uid):\n    return fetch_user(uid)\n",
}
EXPECTED = {
    "app/users.py": "def load_user(uid):\n    return {'id': uid}\n\n\ndef count_users():\n    return 0\n",
    "app/views.py": "from app.users import load_user\n\n\ndef show(uid):\n    return load_user(uid)\n",
    "app/consts.py": "PAGE_SIZE = 20\n",
}
PLAN = {
    "summary": "Rename fetch_user to load_user; add app/consts.py.",
    "files": [
        {"path": "app/users.py", "action": "modify", "intent": "rename the function"},
        {"path": "app/views.py", "action": "modify", "intent": "use the new name"},
        {"path": "app/consts.py", "action": "create", "intent": "a PAGE_SIZE constant"},
    ],
    "facts": ["the function is now called load_user"],
}
REPLIES = {
    "app/users.py": Reply.tool(
        "edit_file", {"path": "app/users.py", "sketch": "def load_user(uid):\n# ... existing code ...\n"}
    ),
    "app/views.py": Reply.tool(
        "edit_file",
        {
            "path": "app/views.py",
            "sketch": "<<<<<<< SEARCH\nfrom app.users import fetch_user\n=======\nfrom app.users import load_user\n"
            ">>>>>>> REPLACE\n<<<<<<< SEARCH\n    return fetch_user(uid)\n=======\n    return load_user(uid)\n"
            ">>>>>>> REPLACE\n",
        },
    ),
    "app/consts.py": Reply.tool("create_file", {"path": "app/consts.py", "content": "PAGE_SIZE = 20\n"}),
}


def route(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return Reply.tool("submit_plan", PLAN) if path is None else REPLIES[path]


def make_workspace(root: Path) -> None:
    make_files(root, FILES)


def on_disk(root: Path) -> dict[str, str]:
    return files_on_disk(root, EXPECTED)


# The same change with two risky files beside it: a deletion and a control file (test-runner configuration). In the
# Refactor Preview they start unchecked, so Apply on the defaults delivers the planned change without them.
RISKY_FILES = FILES | {"app/old.py": "LEGACY = True\n", "conftest.py": "collect_ignore = []\n"}
RISKY_EXPECTED = {k: v for k, v in EXPECTED.items() if k != "app/consts.py"} | {
    "app/old.py": "LEGACY = True\n",
    "conftest.py": "collect_ignore = []\n",
}
RISKY_PLAN = {
    "summary": "Rename fetch_user to load_user; drop the legacy module; skip it in test collection.",
    "files": [
        {"path": "app/users.py", "action": "modify", "intent": "rename the function"},
        {"path": "app/views.py", "action": "modify", "intent": "use the new name"},
        {"path": "app/old.py", "action": "delete", "intent": "no longer used"},
        {"path": "conftest.py", "action": "modify", "intent": "skip the legacy module"},
    ],
    "facts": ["the function is now called load_user"],
}
RISKY_REPLIES = {
    "app/users.py": REPLIES["app/users.py"],
    "app/views.py": REPLIES["app/views.py"],
    "app/old.py": Reply.tool("delete_file", {"path": "app/old.py"}),
    "conftest.py": Reply.tool(
        "edit_file",
        {
            "path": "conftest.py",
            "sketch": "<<<<<<< SEARCH\ncollect_ignore = []\n=======\ncollect_ignore = ['app/old.py']\n"
            ">>>>>>> REPLACE\n",
        },
    ),
}


def risky_route(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return Reply.tool("submit_plan", RISKY_PLAN) if path is None else RISKY_REPLIES[path]


def make_files(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def files_on_disk(root: Path, files: dict[str, str]) -> dict[str, str]:
    return {rel: (root / rel).read_text() for rel in files if (root / rel).exists()}

"""The model-facing tools: a public contract (documented in ARCHITECTURE.md), kept stable so recorded replies keep
working."""

from __future__ import annotations

from polyedit.models.types import Tool

_PATH = {"type": "string", "description": "workspace-relative path with / separators"}

SEARCH_CODE = Tool(
    "search_code",
    "Search the workspace index for code relevant to a query.",
    {
        "type": "object",
        "properties": {"query": {"type": "string"}, "k": {"type": "integer", "minimum": 1, "maximum": 20}},
        "required": ["query"],
    },
)
READ_FILE = Tool(
    "read_file",
    "Read one workspace file.",
    {"type": "object", "properties": {"path": _PATH}, "required": ["path"]},
)
FIND_REFERENCES = Tool(
    "find_references",
    "Find every line in the workspace that uses an identifier (its definition, calls, imports, tests): "
    "path:line: text, by path.",
    {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
)
SUBMIT_PLAN = Tool(
    "submit_plan",
    "Submit the edit plan: every file that must change or be created or deleted, and the facts they share.",
    {
        "type": "object",
        "properties": {
            "summary": {"type": "string"},
            "files": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "path": _PATH,
                        "action": {"type": "string", "enum": ["modify", "create", "delete"]},
                        "intent": {"type": "string"},
                    },
                    "required": ["path", "action", "intent"],
                },
            },
            "facts": {"type": "array", "items": {"type": "string"}},
        },
        "required": ["summary", "files", "facts"],
    },
)
EDIT_FILE = Tool(
    "edit_file",
    "Edit an existing file with a lazy sketch ('... existing code ...' comments for unchanged parts) or "
    "SEARCH/REPLACE blocks.",
    {"type": "object", "properties": {"path": _PATH, "sketch": {"type": "string"}}, "required": ["path", "sketch"]},
)
CREATE_FILE = Tool(
    "create_file",
    "Create a new file with its full content.",
    {"type": "object", "properties": {"path": _PATH, "content": {"type": "string"}}, "required": ["path", "content"]},
)
DELETE_FILE = Tool(
    "delete_file",
    "Delete a file.",
    {"type": "object", "properties": {"path": _PATH}, "required": ["path"]},
)
PLAN_TOOLS = (SEARCH_CODE, READ_FILE, FIND_REFERENCES, SUBMIT_PLAN)
GENERATE_TOOLS = (EDIT_FILE, CREATE_FILE, DELETE_FILE)

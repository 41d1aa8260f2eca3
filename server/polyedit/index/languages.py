"""tree-sitter grammars shipped as wheels (nothing is downloaded), and what counts as a definition in each."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import PurePosixPath

import tree_sitter


@dataclass(frozen=True)
class LanguageSpec:
    name: str
    module: str
    factory: str
    # Node types that start a chunk of their own.
    definitions: frozenset[str]
    # Definitions whose body is chunked member by member when the whole is too long (classes, impls, ...).
    containers: frozenset[str]
    # Wrappers that carry a definition (decorators, export statements, templates).
    wrappers: frozenset[str] = frozenset()


_JS_DEFS = {
    "function_declaration",
    "generator_function_declaration",
    "class_declaration",
    "method_definition",
    "lexical_declaration",
    "variable_declaration",
}
_TS_DEFS = _JS_DEFS | {
    "interface_declaration",
    "type_alias_declaration",
    "enum_declaration",
    "abstract_class_declaration",
    "module",
    "internal_module",
}
_TS_CONTAINERS = frozenset({"class_declaration", "abstract_class_declaration", "interface_declaration", "module"})

LANGUAGES: dict[str, LanguageSpec] = {
    spec.name: spec
    for spec in (
        LanguageSpec(
            "python",
            "tree_sitter_python",
            "language",
            frozenset({"function_definition", "class_definition"}),
            frozenset({"class_definition"}),
            frozenset({"decorated_definition"}),
        ),
        LanguageSpec(
            "javascript",
            "tree_sitter_javascript",
            "language",
            frozenset(_JS_DEFS),
            frozenset({"class_declaration"}),
            frozenset({"export_statement"}),
        ),
        LanguageSpec(
            "typescript",
            "tree_sitter_typescript",
            "language_typescript",
            frozenset(_TS_DEFS),
            _TS_CONTAINERS,
            frozenset({"export_statement"}),
        ),
        LanguageSpec(
            "tsx",
            "tree_sitter_typescript",
            "language_tsx",
            frozenset(_TS_DEFS),
            _TS_CONTAINERS,
            frozenset({"export_statement"}),
        ),
        LanguageSpec(
            "go",
            "tree_sitter_go",
            "language",
            frozenset({"function_declaration", "method_declaration", "type_declaration"}),
            frozenset(),
        ),
        LanguageSpec(
            "rust",
            "tree_sitter_rust",
            "language",
            frozenset(
                {
                    "function_item",
                    "impl_item",
                    "struct_item",
                    "enum_item",
                    "trait_item",
                    "mod_item",
                    "macro_definition",
                }
            ),
            frozenset({"impl_item", "trait_item", "mod_item"}),
            frozenset(),
        ),
        LanguageSpec(
            "java",
            "tree_sitter_java",
            "language",
            frozenset(
                {
                    "class_declaration",
                    "interface_declaration",
                    "enum_declaration",
                    "record_declaration",
                    "method_declaration",
                    "constructor_declaration",
                }
            ),
            frozenset({"class_declaration", "interface_declaration", "enum_declaration", "record_declaration"}),
        ),
        LanguageSpec(
            "c",
            "tree_sitter_c",
            "language",
            frozenset({"function_definition", "struct_specifier", "enum_specifier", "type_definition"}),
            frozenset(),
        ),
        LanguageSpec(
            "cpp",
            "tree_sitter_cpp",
            "language",
            frozenset(
                {
                    "function_definition",
                    "class_specifier",
                    "struct_specifier",
                    "enum_specifier",
                    "namespace_definition",
                    "type_definition",
                }
            ),
            frozenset({"class_specifier", "struct_specifier", "namespace_definition"}),
            frozenset({"template_declaration"}),
        ),
    )
}

_EXTENSIONS = {
    ".py": "python",
    ".pyi": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
    ".go": "go",
    ".rs": "rust",
    ".java": "java",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".hxx": "cpp",
}


@lru_cache(maxsize=4096)  # asked again and again for the same few paths while a file is merged or indexed
def language_for(path: str) -> LanguageSpec | None:
    """The grammar for a path, by extension; None for files chunked as plain text."""
    name = _EXTENSIONS.get(PurePosixPath(path).suffix.lower())
    return LANGUAGES[name] if name else None


@cache
def parser_for(name: str) -> tree_sitter.Parser:
    spec = LANGUAGES[name]
    module = importlib.import_module(spec.module)
    return tree_sitter.Parser(tree_sitter.Language(getattr(module, spec.factory)()))


def available_grammars() -> dict[str, str | None]:
    """Each grammar and the error loading it (None when it loads): for ``polyedit doctor``."""
    result: dict[str, str | None] = {}
    for name in LANGUAGES:
        try:
            parser_for(name).parse(b"")
            result[name] = None
        except Exception as exc:  # a broken wheel must be reported, whatever it raises
            result[name] = f"{type(exc).__name__}: {exc}"
    return result

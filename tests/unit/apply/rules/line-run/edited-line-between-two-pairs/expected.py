from dataclasses import dataclass


@dataclass(frozen=True)
class Snippet:
    path: str
    text: str


@dataclass(frozen=True)
class Context:
    path: str
    snippets: tuple[Snippet, ...]


@dataclass(frozen=True)
class Request:
    path: str
    query: str


@dataclass(frozen=True)
class FileSketch:  # sketched
    path: str
    body: str
    model: str

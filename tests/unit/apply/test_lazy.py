"""Every lazy-sketch shape, data-driven: (original, sketch) -> exact expected file."""

from __future__ import annotations

import pytest
from polyedit.apply import ApplyRefused, apply_sketch

PY = """import os


class Repo:
    def load(self, key):
        value = os.environ.get(key)
        return value

    def save(self, key, value):
        os.environ[key] = value


def main():
    print(Repo().load("HOME"))
"""

TS = """export interface Item {
  price: number;
}

export function total(items: Item[]): number {
  let sum = 0;
  for (const item of items) {
    sum += item.price;
  }
  return sum;
}

export function count(items: Item[]): number {
  return items.length;
}
"""

GO = """package cart

func Total(prices []int) int {
\tsum := 0
\tfor _, p := range prices {
\t\tsum += p
\t}
\treturn sum
}

func Count(prices []int) int {
\treturn len(prices)
}
"""

CASES = [
    (
        "change inside a function, markers both ends",
        "a.py",
        PY,
        "# ... existing code ...\n    def load(self, key):\n        value = os.environ.get(key, '')\n"
        "        return value\n# ... existing code ...\n",
        PY.replace("os.environ.get(key)", "os.environ.get(key, '')"),
    ),
    (
        "marker inside the function body keeps the rest of the body",
        "a.py",
        PY,
        "# ... existing code ...\n    def load(self, key):\n        value = os.environ.get(key, '')\n"
        "        # ... existing code ...\n\n    def save(self, key, value):\n        os.environ[key] = str(value)\n"
        "# ... rest of the file unchanged ...\n",
        PY.replace("os.environ.get(key)", "os.environ.get(key, '')").replace("= value\n", "= str(value)\n"),
    ),
    (
        "deletion shown only by context",
        "a.py",
        PY,
        "# ... existing code ...\n    def load(self, key):\n        return value\n# ... existing code ...\n",
        PY.replace("        value = os.environ.get(key)\n", ""),
    ),
    (
        "insert at the top without a leading marker",
        "a.py",
        PY,
        "import sys\nimport os\n# ... existing code ...\n",
        "import sys\n" + PY,
    ),
    (
        "insert at the end",
        "a.py",
        PY,
        "# ... existing code ...\n\n\nif __name__ == '__main__':\n    main()\n",
        PY + "\n\nif __name__ == '__main__':\n    main()\n",
    ),
    (
        "whole function replaced, its last line changed",
        "a.py",
        PY,
        "# ... existing code ...\ndef main():\n    repo = Repo()\n    print(repo.load('USER'))\n",
        PY.replace(
            'def main():\n    print(Repo().load("HOME"))\n',
            "def main():\n    repo = Repo()\n    print(repo.load('USER'))\n",
        ),
    ),
    (
        "new method at the end of a class (marker inside the class)",
        "a.py",
        PY,
        "# ... existing code ...\nclass Repo:\n    # ... existing methods ...\n\n    def clear(self):\n"
        "        os.environ.clear()\n# ... existing code ...\n",
        PY.replace(
            "        os.environ[key] = value\n",
            "        os.environ[key] = value\n\n    def clear(self):\n        os.environ.clear()\n",
        ),
    ),
    (
        "new method after a shown one",
        "a.py",
        PY,
        "# ... existing code ...\n    def save(self, key, value):\n        os.environ[key] = value\n\n"
        "    def clear(self):\n        os.environ.clear()\n# ... existing code ...\n",
        PY.replace(
            "        os.environ[key] = value\n",
            "        os.environ[key] = value\n\n    def clear(self):\n        os.environ.clear()\n",
        ),
    ),
    (
        "context with different indentation and trailing spaces",
        "a.py",
        PY,
        "# ...\ndef load(self, key):   \n    value = os.environ.get(key)\n    return value.upper()\n# ...\n",
        PY.replace("        return value\n\n    def save", "        return value.upper()\n\n    def save"),
    ),
    (
        "wrapping code in a new block re-indents it on purpose",
        "a.py",
        PY,
        "# ... existing code ...\n    def load(self, key):\n        if key:\n            value = os.environ.get(key)\n"
        "            return value\n        return None\n# ... existing code ...\n",
        PY.replace(
            "        value = os.environ.get(key)\n        return value\n",
            "        if key:\n            value = os.environ.get(key)\n            return value\n        return None\n",
        ),
    ),
    (
        "two edits with a marker between (TypeScript)",
        "cart.ts",
        TS,
        "// ... existing code ...\n  let sum = 0;\n  for (const item of items) {\n    sum += item.price * 2;\n  }\n"
        "// ... existing code ...\nexport function count(items: Item[]): number {\n"
        "  return items.filter(Boolean).length;\n}\n",
        TS.replace("sum += item.price;", "sum += item.price * 2;").replace(
            "return items.length;", "return items.filter(Boolean).length;"
        ),
    ),
    (
        "block comment marker and tabs kept (Go)",
        "cart.go",
        GO,
        "/* ... */\nfunc Count(prices []int) int {\n    if prices == nil {\n        return 0\n    }\n"
        "    return len(prices)\n}\n",
        GO.replace("\treturn len(prices)\n", "\tif prices == nil {\n\t\treturn 0\n\t}\n\treturn len(prices)\n"),
    ),
    (
        "fenced sketch",
        "cart.go",
        GO,
        "```go\n// ... existing code ...\n\tsum := 1\n\tfor _, p := range prices {\n// ... existing code ...\n```\n",
        GO.replace("sum := 0", "sum := 1"),
    ),
]


@pytest.mark.parametrize(("name", "path", "original", "sketch", "expected"), CASES, ids=[c[0] for c in CASES])
def test_lazy_sketch(name: str, path: str, original: str, sketch: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ApplyRefused):
            apply_sketch(path, original, sketch)
        return
    result = apply_sketch(path, original, sketch)
    assert result.format == "lazy"
    assert result.text == expected


@pytest.mark.parametrize(("name", "path", "original", "sketch", "expected"), CASES, ids=[c[0] for c in CASES])
def test_idempotent(name: str, path: str, original: str, sketch: str, expected: str | None) -> None:
    """Applying the same sketch to its own result changes nothing or refuses."""
    if expected is None:
        return
    try:
        again = apply_sketch(path, expected, sketch)
    except ApplyRefused:
        return
    assert again.text == expected


def test_next_block_bounds_an_ambiguous_one() -> None:
    original = (
        "def a():\n    x = compute()\n    return x\n\n\n"
        "def b():\n    x = compute()\n    return x\n\n\n"
        "def c():\n    pass\n"
    )
    sketch = (
        "# ... existing code ...\n    x = compute()\n    return x + 1\n# ... existing code ...\n"
        "def b():\n    x = compute()\n    return x * 2\n# ... existing code ...\n"
    )
    expected = original.replace("    return x\n\n\ndef b", "    return x + 1\n\n\ndef b").replace(
        "    return x\n\n\ndef c", "    return x * 2\n\n\ndef c"
    )
    assert apply_sketch("m.py", original, sketch).text == expected

"""Optional second tier: ask a local OpenAI-compatible server (Ollama, llama.cpp's server, vLLM) running a
fast-apply model for the merged file when the structural merge refuses. Off unless a URL is configured.
Its answer passes the same checks as a structural merge, so it cannot deliver what those would refuse."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from importlib.resources import files

from polyedit.apply.types import ApplyRefused

PROMPT = files("polyedit.apply").joinpath("prompts/llm_apply.txt").read_text(encoding="utf-8")
_FENCE = re.compile(r"```[^\n]*\n(.*?)\n?```", re.DOTALL)


@dataclass(frozen=True)
class LlmApplyClient:
    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    timeout_s: float = 60.0

    def merge(self, path: str, original: str, sketch: str) -> str:
        """The merged file as the model writes it; ``ApplyRefused`` (kind "llm") on any failure."""
        body = {
            "model": self.model,
            "temperature": 0,
            "messages": [
                {"role": "system", "content": PROMPT},
                {"role": "user", "content": f"File {path}:\n```\n{original}```\n\nEdit:\n```\n{sketch}```"},
            ],
        }
        request = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions",
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                data = json.loads(response.read().decode("utf-8"))
            content = data["choices"][0]["message"]["content"]
        except urllib.error.HTTPError as exc:
            raise self._fail(path, f"the apply model's server answered HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise self._fail(path, f"the apply model's server at {self.base_url} is unreachable ({exc})") from exc
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise self._fail(path, "the apply model's server sent a malformed answer") from exc
        if not isinstance(content, str) or not content.strip():
            raise self._fail(path, "the apply model answered with nothing")
        fenced = _FENCE.search(content)
        merged = fenced.group(1) if fenced else content
        return merged if merged.endswith("\n") or not original.endswith("\n") else merged + "\n"

    @staticmethod
    def _fail(path: str, reason: str) -> ApplyRefused:
        return ApplyRefused(path, reason, None, kind="llm")

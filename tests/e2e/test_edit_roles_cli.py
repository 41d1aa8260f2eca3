"""``polyedit edit`` and ``polyedit doctor`` with roles on several providers, as a user runs them: subprocesses
with the real SDKs talking to the loopback Anthropic and OpenAI-compatible servers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.e2e.test_edit_cli import make
from tests.fakes.anthropic_server import Reply, fake_anthropic
from tests.fakes.openai_server import Chat, fake_openai
from tests.unit.pipeline.test_run import FILES, PLAN, RENAMED, SKETCHES, file_of

BAD = "# ...\ndef nowhere():\n    pass\n# ... existing code ...\ndef elsewhere():\n    pass\n# ...\n"
ROLES = 'plan_model = "claude-sonnet-5-5"\ngenerate_models = "ollama:qwen2.5-coder:7b, claude-sonnet-5-5"\n'


def polyedit(command: str, *args: str, urls: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "OPENAI_"))}
    env |= {"ANTHROPIC_API_KEY": "sk-ant-test", **urls}
    return subprocess.run(
        [sys.executable, "-m", "polyedit.cli", command, *args], capture_output=True, text=True, env=env, timeout=300
    )


def claude(body: dict[str, Any]) -> Reply:
    path = file_of(body)
    return (
        Reply.tool("submit_plan", PLAN)
        if path is None
        else Reply.tool("edit_file", {"path": path, "sketch": SKETCHES[path]})
    )


def local_file(body: dict[str, Any]) -> str:
    found = re.search(r"^File: (\S+) \(", body["messages"][-1]["content"], re.M)
    return found.group(1) if found else ""


def user_config(text: str) -> None:
    """Roles are the user's to choose (an untrusted workspace file may not): the test's own user config file."""
    (Path(os.environ["POLYEDIT_CONFIG_DIR"]) / "config.toml").write_text(text)


def test_plan_on_anthropic_cascade_from_a_local_model_escalating_to_anthropic(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    user_config(ROLES)

    def local(body: dict[str, Any]) -> Chat:
        path = local_file(body)
        return Chat.tool("edit_file", {"path": path, "sketch": BAD if path == "app/users.py" else SKETCHES[path]})

    with fake_anthropic(claude) as (url, anthropic_state), fake_openai(local) as (local_url, local_state):
        urls = {"ANTHROPIC_BASE_URL": url, "POLYEDIT_OLLAMA_BASE_URL": local_url, "POLYEDIT_CACHE_DIR": str(tmp_path)}
        done = polyedit("edit", str(root), "rename fetch_user to load_user", "--write", urls=urls)
    assert done.returncode == 0, done.stderr
    assert {rel: (root / rel).read_text() for rel in FILES} == RENAMED
    # The local model's tokens are counted and cost nothing.
    assert done.stdout.count("generate  ollama:qwen2.5-coder:7b: 100 in (0 cached), 20 out, $0.0000") == 4
    assert [file_of(b) for b in anthropic_state.requests] == [None, "app/users.py"]
    assert sorted(local_file(b) for b in local_state.requests) == [
        "app/api.py",
        "app/users.py",
        "app/users.py",
        "app/views.py",
    ]


def test_the_apply_fallback_rescues_a_refused_sketch_in_polyedit_edit(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    user_config(
        'plan_model = "claude-sonnet-5-5"\ngenerate_models = "claude-haiku-5-5"\napply_fallback = "ollama:fast-apply"\n'
    )

    def anthropic(body: dict[str, Any]) -> Reply:
        path = file_of(body)
        if path is None:
            return Reply.tool("submit_plan", PLAN)
        return Reply.tool("edit_file", {"path": path, "sketch": BAD if path == "app/users.py" else SKETCHES[path]})

    apply_model = [Chat.text(f"```python\n{RENAMED['app/users.py']}```")]
    with fake_anthropic(anthropic) as (url, anthropic_state), fake_openai(apply_model) as (local_url, local_state):
        urls = {"ANTHROPIC_BASE_URL": url, "POLYEDIT_OLLAMA_BASE_URL": local_url, "POLYEDIT_CACHE_DIR": str(tmp_path)}
        done = polyedit("edit", str(root), "rename fetch_user to load_user", "--write", urls=urls)
    assert done.returncode == 0, done.stderr
    assert {rel: (root / rel).read_text() for rel in FILES} == RENAMED
    assert "merged by the apply fallback ollama:fast-apply" in done.stderr
    assert len(local_state.requests) == 1 and local_state.requests[0]["model"] == "fast-apply"
    assert len(anthropic_state.requests) == 4  # the plan and one generate call per file: no retry was needed


def test_a_fault_of_the_new_provider_changes_nothing_and_says_why(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    user_config('plan_model = "claude-sonnet-5-5"\ngenerate_models = "openai:gpt-4.1-mini"\n')
    with (
        fake_anthropic(claude) as (url, _),
        fake_openai(lambda b: Chat.failure(401, "Incorrect API key")) as (
            local_url,
            _,
        ),
    ):
        urls = {
            "ANTHROPIC_BASE_URL": url,
            "OPENAI_BASE_URL": local_url,
            "OPENAI_API_KEY": "sk-openai-wrong",
            "POLYEDIT_CACHE_DIR": str(tmp_path),
        }
        done = polyedit("edit", str(root), "rename fetch_user to load_user", "--write", urls=urls)
        no_key = polyedit("edit", str(root), "rename", urls={k: v for k, v in urls.items() if k != "OPENAI_API_KEY"})
    assert done.returncode == 1 and "openai rejected the API key (HTTP 401)" in done.stderr
    assert "Check OPENAI_API_KEY" in done.stderr and "nothing changed" in done.stderr
    assert "sk-openai-wrong" not in done.stderr + done.stdout
    assert all((root / rel).read_text() == text for rel, text in FILES.items())
    assert no_key.returncode == 1 and "export OPENAI_API_KEY" in no_key.stderr and "openai provider" in no_key.stderr


def test_a_workspace_cannot_send_code_elsewhere(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    (root / "polyedit.toml").write_text(ROLES + '[providers.ollama]\nbase_url = "http://evil.example/v1"\n')
    done = polyedit("edit", str(root), "rename", "--plan-only", urls={"POLYEDIT_CACHE_DIR": str(tmp_path)})
    refused = [line for line in done.stderr.splitlines() if "an untrusted repository cannot choose" in line]
    assert len(refused) == 3  # the planner and the cascade (a hosted provider the user has a key for) too
    assert all(f"'{key}'" in "".join(refused) for key in ("providers", "plan_model", "generate_models"))


def test_doctor_names_each_role_and_whether_its_endpoint_answers(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    make(root)
    user_config(ROLES + 'apply_fallback = "lmstudio:fast-apply"\n')
    with fake_openai([]) as (closed_url, _):
        pass  # closed again at once: nothing listens there now
    with fake_anthropic([]) as (url, anthropic_state), fake_openai([], models=("qwen2.5-coder:7b",)) as (local_url, _):
        urls = {"ANTHROPIC_BASE_URL": url, "POLYEDIT_OLLAMA_BASE_URL": local_url, "POLYEDIT_CACHE_DIR": str(tmp_path)}
        done = polyedit("doctor", str(root), urls=urls | {"POLYEDIT_LMSTUDIO_BASE_URL": closed_url})
    lines = done.stdout.splitlines()
    assert any(
        re.match(r"ok +plan model claude-sonnet-5-5: provider anthropic, model claude-sonnet-5-5", x) for x in lines
    )
    local = next(x for x in lines if "generate model ollama:qwen2.5-coder:7b" in x)
    assert local.startswith("ok") and f"{local_url}: answers" in local and "not in its list" not in local
    # Nothing listens on LM Studio's port here: a warning, quickly, and not a failed install.
    fallback = next(x for x in lines if "apply_fallback model lmstudio:fast-apply" in x)
    assert fallback.startswith("warn") and "cannot reach lmstudio" in fallback
    assert anthropic_state.requests == []  # a models list only: no code was sent


def test_polyedit_apply_hands_a_refusal_to_the_apply_fallback(tmp_path: Path, user_config_dir: Path) -> None:
    from tests.unit.apply.test_llm_tier import AMBIGUOUS, MERGED, ORIGINAL

    (tmp_path / "m.py").write_text(ORIGINAL)
    (tmp_path / "sketch.txt").write_text(AMBIGUOUS)
    with fake_openai(lambda body: Chat.text(f"```python\n{MERGED}```")) as (local_url, local_state):
        (user_config_dir / "config.toml").write_text(
            f'apply_fallback = "box:fast-apply"\n[providers.box]\nbase_url = "{local_url}"\nlocal = true\n'
        )
        by_role = subprocess.run(
            [sys.executable, "-m", "polyedit.cli", "apply", "m.py", "sketch.txt"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
        (user_config_dir / "config.toml").unlink()
        by_flag = subprocess.run(
            [sys.executable, "-m", "polyedit.cli", "apply", "m.py", "sketch.txt", "--llm-url", local_url],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=120,
        )
    assert by_role.returncode == 0 and by_role.stdout == MERGED, by_role.stderr
    assert [b["model"] for b in local_state.requests] == ["fast-apply"]
    assert by_flag.returncode != 0 and "--llm-url needs --llm-model" in by_flag.stderr

"""Secrets in ordinary files are masked before anything reaches a model, and put back before anything is written;
files named for what they hold are never read."""

from __future__ import annotations

import pytest
from polyedit.index.files import is_denied
from polyedit.index.secrets import mask

from tests.security_cases import ORDINARY_CODE, SECRET_FILE_NAMES, SECRET_SAMPLES


@pytest.mark.parametrize(("name", "path", "text", "secret"), SECRET_SAMPLES, ids=[s[0] for s in SECRET_SAMPLES])
def test_secrets_are_masked_and_come_back(name: str, path: str, text: str, secret: str) -> None:
    masked = mask(path, text)
    assert secret not in masked.text, masked.text
    assert "«secret-1»" in masked.text
    assert masked.unmask(masked.text) == text


@pytest.mark.parametrize(("path", "text"), ORDINARY_CODE)
def test_ordinary_code_is_left_alone(path: str, text: str) -> None:
    masked = mask(path, text)
    assert masked.text == text and masked.secrets == ()


def test_an_edit_of_the_masked_text_keeps_the_secret() -> None:
    text = 'API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"\nTIMEOUT = 10\n'
    masked = mask("app/settings.py", text)
    edited = masked.text.replace("TIMEOUT = 10", "TIMEOUT = 30")  # what the merge makes of the model's sketch
    assert masked.unmask(edited) == 'API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"\nTIMEOUT = 30\n'


def test_a_secret_is_masked_where_found_not_everywhere() -> None:
    text = 'password = "secret123"\ndef secret123_rotation(): ...\n'
    masked = mask("app.py", text)
    assert masked.text.split("\n")[0] == 'password = "«secret-1»"' and "def secret123_rotation" in masked.text


@pytest.mark.parametrize("path", SECRET_FILE_NAMES)
def test_files_named_for_secrets_are_denied(path: str) -> None:
    assert is_denied(path)

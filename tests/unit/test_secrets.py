"""Secrets in ordinary files are masked before anything reaches a model, and put back before anything is written;
files named for what they hold are never read."""

from __future__ import annotations

import pytest
from polyedit.index.files import is_denied
from polyedit.index.secrets import SecretCopied, mask

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


def test_a_short_secret_is_masked_where_found_a_long_one_everywhere() -> None:
    text = 'password = "s3cr3t"\ndef s3cr3t_rotation(): ...\nAPI_KEY = "q8Zr2mKp4vX7"\nlog(key="q8Zr2mKp4vX7")\n'
    lines = mask("app.py", text).text.split("\n")
    assert lines[:2] == ['password = "«secret-1»"', "def s3cr3t_rotation(): ..."]  # a common word stays readable
    assert lines[2:4] == ['API_KEY = "«secret-2»"', 'log(key="«secret-2»")']


@pytest.mark.parametrize("path", SECRET_FILE_NAMES)
def test_files_named_for_secrets_are_denied(path: str) -> None:
    assert is_denied(path)


def test_a_model_cannot_copy_a_masked_secret_somewhere_new() -> None:
    masked = mask("app/settings.py", 'API_KEY = "AKIAIOSFODNN7EXAMPLE"\nDEBUG = False\n')
    with pytest.raises(SecretCopied, match="copies the masked secret «secret-1»"):
        masked.unmask(masked.text + 'print("«secret-1»")\n')
    moved = 'DEBUG = False\nAPI_KEY = "«secret-1»"\n'  # moving it is fine
    assert masked.unmask(moved) == 'DEBUG = False\nAPI_KEY = "AKIAIOSFODNN7EXAMPLE"\n'


def test_a_file_that_holds_the_placeholder_form_gets_another_one() -> None:
    text = 'EXAMPLE = "«secret-1»"\nDB_PASSWORD = "hunter2hunter2"\n'
    masked = mask("app/settings.py", text)
    assert masked.text == 'EXAMPLE = "«secret-1»"\nDB_PASSWORD = "«secretx-1»"\n'
    assert masked.unmask(masked.text.replace("EXAMPLE", "SAMPLE")) == text.replace("EXAMPLE", "SAMPLE")


def test_a_sketch_written_against_the_real_file_is_masked_the_same_way() -> None:
    masked = mask("a.py", 'TOKEN = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"\n')
    assert masked.hide('TOKEN = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"  # rotated\n') == (
        'TOKEN = "«secret-1»"  # rotated\n'
    )


def test_the_prefiltered_scan_finds_what_detect_secrets_own_scan_finds() -> None:
    """``_detect`` skips lines that none of the detectors' patterns match; on every sample, with and without
    secrets, it reports the same findings as detect-secrets' own line scan."""
    from detect_secrets.core.scan import _process_line_based_plugins
    from polyedit.index import secrets

    secrets._configure()
    samples = [(path, text) for _, path, text, _ in SECRET_SAMPLES] + ORDINARY_CODE
    samples.append(("all.env", "\n".join(text for _, text in samples)))  # every kind in one file, with neighbours
    found = 0
    for path, text in samples:
        lines = text.split("\n")
        ours = [(s.type, s.line_number, s.secret_value) for s in secrets._detect(path, lines)]
        theirs = [
            (s.type, s.line_number, s.secret_value)
            for s in _process_line_based_plugins(list(enumerate(lines, start=1)), path)
        ]
        assert ours == theirs, path
        found += len(ours)
    assert found >= len(SECRET_SAMPLES) // 2  # the comparison covered real findings, not only empty ones

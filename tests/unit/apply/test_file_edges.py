"""The names an import line binds: the start edge keeps an import whose names the file still uses."""

from __future__ import annotations

import pytest
from polyedit.apply.file_edges import bound_names

CASES = [
    ("import os", {"os"}),
    ("import os.path as osp", {"osp"}),
    ("from typing import Any, Iterator", {"Any", "Iterator"}),
    ("from .x import (a, b as c)", {"a", "c"}),
    ("import { type RequestInit as UndiciRequestInit } from 'undici-types';", {"UndiciRequestInit"}),
    ("import React, { useState } from 'react';", {"React", "useState"}),
    ("import * as fs from 'fs';", {"fs"}),
    ("const fs = require('fs');", {"fs"}),
    ("const { a, b: c } = require('x');", {"a", "c"}),
    ("use std::collections::HashMap;", {"HashMap"}),
    ("use a::{b, c as d};", {"b", "d"}),
    ('import "fmt"', {"fmt"}),
]


@pytest.mark.parametrize(("line", "names"), CASES, ids=[c[0] for c in CASES])
def test_bound_names(line: str, names: set[str]) -> None:
    assert bound_names(line) == names

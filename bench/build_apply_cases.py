"""Build the public apply case set from real code fetched at bench time (nothing downloaded is committed).

- Python and JavaScript/TypeScript: two released versions of real packages (PyPI wheels, npm tarballs); every
  changed file gives cases whose ``expected`` is the newer file, the sketches written from the real diff.
- Go and Rust: only one version of each library is reachable (Debian's -dev source packages), so real files get
  generated edits of the kinds models make (change a line, add or delete a statement, add, copy or delete a
  function, rename a local), kept only when the result still parses.

Each case: ``{"id", "path", "original", "sketch", "expected", "language", "style", "source"}``, plus
``"ambiguous": true`` when ``bench/ambiguity.py`` finds that a careful reader could not know which result the sketch
means (a refusal is then the right answer); styles are ``context`` (changed lines with 1-3 lines of context, varied
marker wording), ``functions`` (whole changed definitions, markers between) and ``search-replace``.

    .venv/bin/python bench/build_apply_cases.py                  # bench/data/apply_cases.jsonl
    .venv/bin/python bench/build_apply_cases.py --set holdout    # bench/data/apply_holdout.jsonl
    .venv/bin/python bench/build_apply_cases.py --set final      # bench/data/apply_final.jsonl
    .venv/bin/python bench/build_apply_cases.py --set dev2       # bench/data/apply_dev2.jsonl (a second dev set)
    .venv/bin/python bench/build_apply_cases.py --writer 2       # bench/data/apply_cases_w2.jsonl (and _SET_w2)

``--writer 2`` writes the same edits' sketches with ``sketch_writer2.py`` (styles ``tight``, ``merged``,
``search-replace-min``): the first writer still runs and its sketches are dropped, so the random choices of files
and edits, which share one generator with it, stay the same and the two sets differ only in their sketches.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import case_outline, sketch_writer, sketch_writer2
from bench.ambiguity import judge, marker_predicate
from bench.fetch import DATA as BENCH_DATA
from bench.fetch import debian_package, npm_package, pypi_wheel
from bench.sketch_writer import STYLES, write_sketch

DOWNLOADS = BENCH_DATA / "downloads"
SEED = 20261124
PYPI_PAIRS = [
    ("rich", "13.6.0", "13.7.1"),
    ("rich", "13.7.1", "13.9.4"),
    ("httpx", "0.25.2", "0.26.0"),
    ("httpx", "0.26.0", "0.27.2"),
    ("click", "8.1.3", "8.1.7"),
    ("requests", "2.31.0", "2.32.3"),
    ("attrs", "23.2.0", "24.2.0"),
    ("fastapi", "0.110.0", "0.111.0"),
    ("fastapi", "0.111.0", "0.112.0"),
    ("flask", "3.0.0", "3.0.3"),
    ("werkzeug", "3.0.1", "3.0.4"),
    ("starlette", "0.37.2", "0.38.6"),
]
NPM_PAIRS = [
    ("axios", "1.6.8", "1.7.7"),
    ("express", "4.19.2", "4.21.1"),
    ("commander", "11.1.0", "12.1.0"),
    ("@types/node", "20.11.0", "20.14.0"),
    ("@types/react", "18.2.0", "18.3.3"),
    ("zod", "3.22.4", "3.23.8"),
    ("yargs", "17.7.1", "17.7.2"),
    ("ws", "8.16.0", "8.18.0"),
    ("semver", "7.5.4", "7.6.3"),
]
DEBIAN = {
    "go": ["golang-github-spf13-cobra-dev", "golang-github-google-go-cmp-dev", "golang-github-sirupsen-logrus-dev"],
    "rust": ["librust-serde-json-dev", "librust-semver-dev", "librust-regex-syntax-dev", "librust-anyhow-dev"],
}
# A second set from other projects, never looked at while the apply model was tuned on the first: it tells
# whether the merge rules generalise (``--set holdout``).
HOLDOUT_SEED = 20261125
HOLDOUT_PYPI_PAIRS = [
    ("jinja2", "3.1.2", "3.1.4"),
    ("anyio", "4.2.0", "4.4.0"),
    ("urllib3", "2.0.7", "2.2.2"),
    ("packaging", "23.2", "24.1"),
    ("itsdangerous", "2.1.2", "2.2.0"),
    ("pluggy", "1.4.0", "1.5.0"),
    ("typer", "0.9.0", "0.12.3"),
]
HOLDOUT_NPM_PAIRS = [
    ("chalk", "5.2.0", "5.3.0"),
    ("debug", "4.3.4", "4.3.7"),
    ("uuid", "9.0.1", "10.0.0"),
    ("dotenv", "16.3.1", "16.4.5"),
    ("picomatch", "2.3.1", "4.0.2"),
    ("@types/express", "4.17.17", "4.17.21"),
]
HOLDOUT_DEBIAN = {
    "go": ["golang-github-stretchr-testify-dev", "golang-github-pkg-errors-dev", "golang-github-gorilla-mux-dev"],
    "rust": ["librust-itoa-dev", "librust-log-dev", "librust-memchr-dev", "librust-bitflags-dev"],
}
# A third set, built once at the end of the tuning work and not looked at case by case (``--set final``).
FINAL_SEED = 20261126
FINAL_PYPI_PAIRS = [
    ("tomlkit", "0.12.4", "0.13.0"),
    ("httpcore", "1.0.2", "1.0.5"),
    ("h11", "0.14.0", "0.16.0"),
    ("pytest", "8.0.0", "8.2.0"),
    ("more-itertools", "10.2.0", "10.3.0"),
]
FINAL_NPM_PAIRS = [
    ("yaml", "2.3.4", "2.4.5"),
    ("minimatch", "9.0.3", "9.0.5"),
    ("glob", "10.3.10", "10.4.1"),
    ("nanoid", "5.0.6", "5.0.7"),
]
FINAL_DEBIAN = {
    "go": ["golang-github-google-uuid-dev", "golang-github-spf13-pflag-dev", "golang-github-mattn-go-isatty-dev"],
    "rust": ["librust-smallvec-dev", "librust-either-dev", "librust-hex-dev", "librust-base64-dev"],
}
# A second development set (``--set dev2``, session 8), from projects none of the other sets use: rules tuned on
# the main set had stopped generalising (the held-out sets did not move while the main set did), and a fresh set one
# may read case by case gives new failures to learn from without touching the held-out ones.
DEV2_SEED = 20261130
DEV2_PYPI_PAIRS = [
    ("marshmallow", "3.20.1", "3.21.3"),
    ("tqdm", "4.66.1", "4.66.4"),
    ("platformdirs", "4.1.0", "4.2.2"),
    ("sqlparse", "0.4.4", "0.5.0"),
    ("cachetools", "5.3.2", "5.4.0"),
    ("python-dateutil", "2.8.2", "2.9.0.post0"),
]
DEV2_NPM_PAIRS = [
    ("express", "4.18.2", "4.19.2"),
    ("ajv", "8.12.0", "8.17.1"),
    ("immer", "10.0.3", "10.1.1"),
    ("lru-cache", "10.1.0", "10.2.2"),
    ("mime", "3.0.0", "4.0.4"),
]
DEV2_DEBIAN = {
    "go": [
        "golang-github-fatih-color-dev",
        "golang-github-gorilla-websocket-dev",
        "golang-github-pelletier-go-toml-dev",
    ],
    "rust": ["librust-bytes-dev", "librust-once-cell-dev", "librust-thiserror-dev", "librust-indexmap-dev"],
}
# A fourth set from yet other projects, built in session 8 after the held-out and final sets had been run to report
# many times (``--set final2``): it judged the session's apply round once, as a fresh held-out set.
FINAL2_SEED = 20261201
FINAL2_PYPI_PAIRS = [
    ("structlog", "24.1.0", "24.4.0"),
    ("humanize", "4.9.0", "4.10.0"),
    ("pyparsing", "3.1.1", "3.1.2"),
    ("mako", "1.3.0", "1.3.5"),
    ("toolz", "0.12.0", "0.12.1"),
]
FINAL2_NPM_PAIRS = [
    ("ky", "1.2.0", "1.7.2"),
    ("zustand", "4.5.0", "4.5.5"),
    ("jotai", "2.6.0", "2.9.3"),
    ("superstruct", "1.0.3", "1.0.4"),
    ("mitt", "3.0.0", "3.0.1"),
]
FINAL2_DEBIAN = {
    "go": ["golang-github-spf13-afero-dev", "golang-github-hashicorp-golang-lru-dev", "golang-github-rivo-uniseg-dev"],
    "rust": ["librust-hashbrown-dev", "librust-unicode-width-dev", "librust-heck-dev"],
}
# A fifth set from yet other projects, built at the start of session 9 before that session's apply round and run
# once at its end (``--set final3``): the fresh held-out set that judges the round.
FINAL3_SEED = 20261202
FINAL3_PYPI_PAIRS = [
    ("markdown", "3.5.1", "3.6"),
    ("jsonschema", "4.20.0", "4.22.0"),
    ("boltons", "23.1.1", "24.0.0"),
    ("loguru", "0.7.0", "0.7.2"),
    ("cattrs", "23.2.3", "24.1.0"),
]
FINAL3_NPM_PAIRS = [
    ("qs", "6.11.2", "6.12.3"),
    ("yup", "1.3.3", "1.4.0"),
    ("ofetch", "1.3.3", "1.3.4"),
    ("preact", "10.19.3", "10.22.0"),
    ("valibot", "0.30.0", "0.31.0"),
]
FINAL3_DEBIAN = {
    "go": [
        "golang-github-spf13-viper-dev",
        "golang-github-urfave-cli-dev",
        "golang-github-mitchellh-mapstructure-dev",
    ],
    "rust": ["librust-itertools-dev", "librust-toml-dev", "librust-num-traits-dev"],
}
# A sixth set from yet other projects, built at the start of session 10 before any apply work and run once at its
# end (``--set final4``): the fresh held-out set that judges that session.
FINAL4_SEED = 20261203
FINAL4_PYPI_PAIRS = [
    ("tenacity", "8.2.3", "8.3.0"),
    ("pygments", "2.17.2", "2.18.0"),
    ("bleach", "6.1.0", "6.2.0"),
    ("parso", "0.8.3", "0.8.4"),
    ("tabulate", "0.8.10", "0.9.0"),
]
FINAL4_NPM_PAIRS = [
    ("ramda", "0.29.1", "0.30.1"),
    ("fast-glob", "3.3.1", "3.3.2"),
    ("marked", "12.0.0", "12.0.2"),
    ("classnames", "2.3.2", "2.5.1"),
    ("date-fns", "3.3.1", "3.6.0"),
]
FINAL4_DEBIAN = {
    "go": [
        "golang-github-gin-gonic-gin-dev",
        "golang-github-cespare-xxhash-dev",
        "golang-github-google-btree-dev",
    ],
    "rust": ["librust-rand-dev", "librust-glob-dev", "librust-arrayvec-dev"],
}
# A seventh set, built in the middle of session 10 after final4 had judged that session's first rules, before its
# second round, and run once at its end (``--set final5``).
FINAL5_SEED = 20261204
FINAL5_PYPI_PAIRS = [
    ("arrow", "1.2.3", "1.3.0"),
    ("schedule", "1.1.0", "1.2.2"),
    ("python-slugify", "8.0.1", "8.0.4"),
    ("idna", "3.6", "3.7"),
    ("prompt-toolkit", "3.0.43", "3.0.47"),
    ("docutils", "0.20.1", "0.21.2"),
]
FINAL5_NPM_PAIRS = [
    ("dayjs", "1.11.10", "1.11.13"),
    ("chokidar", "3.5.3", "3.6.0"),
    ("cookie", "0.5.0", "0.6.0"),
    ("execa", "8.0.0", "8.0.1"),
    ("deepmerge", "4.3.0", "4.3.1"),
    ("luxon", "3.4.3", "3.4.4"),
    ("handlebars", "4.7.7", "4.7.8"),
]
FINAL5_DEBIAN = {
    "go": [
        "golang-github-spf13-cast-dev",
        "golang-github-google-go-querystring-dev",
        "golang-github-hashicorp-go-multierror-dev",
    ],
    "rust": ["librust-lazy-static-dev", "librust-tempfile-dev", "librust-byteorder-dev"],
}
# An eighth set, built at the start of session 11 before any apply work and run once at its end (``--set final6``).
FINAL6_SEED = 20261205
FINAL6_PYPI_PAIRS = [
    ("isort", "5.12.0", "5.13.2"),
    ("pathspec", "0.11.2", "0.12.1"),
    ("mistune", "3.0.1", "3.0.2"),
    ("pyflakes", "3.1.0", "3.2.0"),
    ("filelock", "3.13.1", "3.15.4"),
    ("charset-normalizer", "3.3.0", "3.3.2"),
]
FINAL6_NPM_PAIRS = [
    ("pino", "8.19.0", "9.3.2"),
    ("p-queue", "8.0.0", "8.0.1"),
    ("nanostores", "0.9.5", "0.10.3"),
    ("@reduxjs/toolkit", "2.2.1", "2.2.7"),
    ("superjson", "2.2.0", "2.2.1"),
]
FINAL6_DEBIAN = {
    "go": [
        "golang-github-mattn-go-runewidth-dev",
        "golang-github-kballard-go-shellquote-dev",
        "golang-github-burntsushi-toml-dev",
    ],
    "rust": ["librust-ryu-dev", "librust-percent-encoding-dev", "librust-humantime-dev"],
}
# A ninth set, built at the start of session 12 before any apply work (``--set final7``).
FINAL7_SEED = 20261206
FINAL7_PYPI_PAIRS = [
    ("babel", "2.14.0", "2.15.0"),
    ("blinker", "1.7.0", "1.8.2"),
    ("xmltodict", "0.13.0", "0.14.2"),
    ("cachecontrol", "0.13.1", "0.14.0"),
    ("fsspec", "2024.2.0", "2024.3.1"),
    ("wcwidth", "0.2.12", "0.2.13"),
]
FINAL7_NPM_PAIRS = [
    ("koa", "2.15.0", "2.15.3"),
    ("h3", "1.11.0", "1.12.0"),
    ("fastify", "4.26.0", "4.26.2"),
    ("defu", "6.1.3", "6.1.4"),
    ("hono", "4.0.0", "4.1.0"),
    ("neverthrow", "6.1.0", "6.2.2"),
]
FINAL7_DEBIAN = {
    "go": [
        "golang-github-fsnotify-fsnotify-dev",
        "golang-github-sergi-go-diff-dev",
        "golang-github-pmezard-go-difflib-dev",
    ],
    "rust": ["librust-aho-corasick-dev", "librust-textwrap-dev", "librust-bstr-dev"],
}
# A tenth set, built at the start of session 13 before any apply work (``--set final8``).
FINAL8_SEED = 20261207
FINAL8_PYPI_PAIRS = [
    ("jmespath", "0.10.0", "1.0.1"),
    ("inflect", "6.0.4", "7.0.0"),
    ("tomli", "2.0.1", "2.1.0"),
    ("natsort", "8.3.1", "8.4.0"),
    ("simplejson", "3.19.1", "3.19.3"),
    ("trio", "0.24.0", "0.25.0"),
]
FINAL8_NPM_PAIRS = [
    ("consola", "3.2.0", "3.2.3"),
    ("pathe", "1.1.1", "1.1.2"),
    ("ufo", "1.3.2", "1.5.3"),
    ("radash", "11.0.0", "12.1.0"),
    ("mobx", "6.12.0", "6.12.3"),
    ("remeda", "1.30.0", "1.33.0"),
]
FINAL8_DEBIAN = {
    "go": [
        "golang-github-mattn-go-colorable-dev",
        "golang-github-cenkalti-backoff-dev",
        "golang-github-tidwall-gjson-dev",
    ],
    "rust": ["librust-nom-dev", "librust-unicase-dev", "librust-similar-dev"],
}
# An eleventh set, built at the start of session 14 before any apply work (``--set final9``).
FINAL9_SEED = 20261208
FINAL9_PYPI_PAIRS = [
    ("sortedcontainers", "2.3.0", "2.4.0"),
    ("pycparser", "2.21", "2.22"),
    ("astroid", "3.1.0", "3.2.0"),
    ("tinydb", "4.7.1", "4.8.0"),
    ("alembic", "1.13.1", "1.13.2"),
    ("paramiko", "3.4.0", "3.4.1"),
]
FINAL9_NPM_PAIRS = [
    ("knex", "3.0.1", "3.1.0"),
    ("ioredis", "5.3.2", "5.4.1"),
    ("fp-ts", "2.16.1", "2.16.5"),
    ("ts-pattern", "5.0.8", "5.1.0"),
    ("scule", "1.2.0", "1.3.0"),
    ("destr", "2.0.2", "2.0.3"),
]
FINAL9_DEBIAN = {
    "go": [
        "golang-github-hashicorp-go-version-dev",
        "golang-github-magiconair-properties-dev",
        "golang-github-jessevdk-go-flags-dev",
    ],
    "rust": ["librust-slab-dev", "librust-petgraph-dev", "librust-toml-edit-dev"],
}
# A twelfth set, built at the start of session 15 before any apply work (``--set final10``).
FINAL10_SEED = 20261209
FINAL10_PYPI_PAIRS = [
    ("voluptuous", "0.13.1", "0.14.2"),
    ("pexpect", "4.8.0", "4.9.0"),
    ("dill", "0.3.7", "0.3.8"),
    ("pycodestyle", "2.11.1", "2.12.0"),
    ("networkx", "3.2.1", "3.3"),
    ("humanfriendly", "9.2", "10.0"),
]
FINAL10_NPM_PAIRS = [
    ("magic-string", "0.30.5", "0.30.10"),
    ("postcss", "8.4.35", "8.4.38"),
    ("acorn", "8.11.2", "8.11.3"),
    ("graphql", "16.8.1", "16.9.0"),
    ("hookable", "5.5.1", "5.5.3"),
    ("citty", "0.1.5", "0.1.6"),
]
FINAL10_DEBIAN = {
    "go": [
        "golang-github-robfig-cron-dev",
        "golang-github-masterminds-semver-dev",
        "golang-github-hashicorp-hcl-dev",
    ],
    "rust": ["librust-rayon-dev", "librust-chrono-dev", "librust-url-dev"],
}
# A thirteenth set, built at the start of session 16 before any apply work (``--set final11``).
FINAL11_SEED = 20261210
FINAL11_PYPI_PAIRS = [
    ("pyjwt", "2.8.0", "2.9.0"),
    ("lark", "1.1.8", "1.1.9"),
    ("pydash", "7.0.7", "8.0.0"),
    ("croniter", "2.0.1", "2.0.5"),
    ("funcy", "1.18", "2.0"),
    ("beautifulsoup4", "4.12.2", "4.12.3"),
    ("pylint", "3.1.0", "3.2.0"),
]
FINAL11_NPM_PAIRS = [
    ("ejs", "3.1.9", "3.1.10"),
    ("jsonc-parser", "3.2.0", "3.3.1"),
    ("redux", "5.0.0", "5.0.1"),
    ("fuse.js", "7.0.0", "7.1.0"),
    ("es-toolkit", "1.39.9", "1.39.10"),
    ("underscore", "1.13.6", "1.13.7"),
]
FINAL11_DEBIAN = {
    "go": [
        "golang-github-gobwas-glob-dev",
        "golang-github-google-shlex-dev",
        "golang-github-yuin-goldmark-dev",
    ],
    "rust": [
        "librust-parking-lot-dev",
        "librust-termcolor-dev",
        "librust-uuid-dev",
        "librust-crossbeam-channel-dev",
    ],
}
# A fourteenth set, built at the start of session 17 before any apply work (``--set final12``).
FINAL12_SEED = 20261211
FINAL12_PYPI_PAIRS = [
    ("soupsieve", "2.5", "2.6"),
    ("waitress", "2.1.2", "3.0.0"),
    ("asttokens", "2.4.0", "2.4.1"),
    ("cerberus", "1.3.5", "1.3.6"),
    ("parsimonious", "0.10.0", "0.11.0"),
    ("prettytable", "3.9.0", "3.10.0"),
    ("invoke", "2.2.0", "2.2.1"),
    ("typeguard", "4.1.5", "4.2.0"),
    ("nox", "2023.4.22", "2024.3.2"),
]
FINAL12_NPM_PAIRS = [
    ("unctx", "2.3.1", "2.4.1"),
    ("valtio", "1.13.0", "1.13.2"),
    ("rxjs", "7.8.0", "7.8.1"),
    ("jose", "5.2.0", "5.2.4"),
    ("kysely", "0.27.2", "0.27.3"),
    ("io-ts", "2.2.20", "2.2.21"),
]
FINAL12_DEBIAN = {
    "go": [
        "golang-github-davecgh-go-spew-dev",
        "golang-github-kylelemons-godebug-dev",
        "golang-github-json-iterator-go-dev",
    ],
    "rust": [
        "librust-proc-macro2-dev",
        "librust-syn-dev",
        "librust-ahash-dev",
        "librust-bit-set-dev",
    ],
}
# A fifteenth set, built at the start of session 21 before any apply work (``--set final13``).
FINAL13_SEED = 20261202
FINAL13_PYPI_PAIRS = [
    ("freezegun", "1.4.0", "1.5.0"),
    ("responses", "0.24.1", "0.25.0"),
    ("python-dotenv", "1.0.0", "1.0.1"),
    ("autopep8", "2.0.4", "2.1.0"),
    ("yapf", "0.40.1", "0.40.2"),
    ("docstring-parser", "0.15", "0.16"),
    ("flake8", "6.1.0", "7.0.0"),
    ("pydocstyle", "6.2.3", "6.3.0"),
    ("typing-extensions", "4.9.0", "4.10.0"),
    ("jsonpickle", "3.0.2", "3.0.3"),
    ("markdown2", "2.4.12", "2.4.13"),
    ("cmd2", "2.4.2", "2.4.3"),
    ("html5lib", "1.0.1", "1.1"),
    ("rope", "1.11.0", "1.12.0"),
    ("importlib-metadata", "7.0.1", "7.0.2"),
]
FINAL13_NPM_PAIRS = [
    ("joi", "17.12.0", "17.12.1"),
    ("svelte", "4.2.11", "4.2.12"),
    ("superagent", "8.1.1", "8.1.2"),
    ("node-fetch", "3.3.1", "3.3.2"),
    ("moment", "2.29.4", "2.30.0"),
    ("yargs-parser", "21.1.0", "21.1.1"),
    ("type-fest", "4.10.0", "4.10.2"),
    ("@trpc/server", "10.45.0", "10.45.1"),
    ("winston", "3.11.0", "3.12.0"),
]
FINAL13_DEBIAN = {
    "go": [
        "golang-github-go-logr-logr-dev",
        "golang-github-google-gofuzz-dev",
        "golang-github-hashicorp-go-cleanhttp-dev",
    ],
    "rust": [
        "librust-tinyvec-dev",
        "librust-paste-dev",
        "librust-memoffset-dev",
        "librust-getrandom-dev",
    ],
}
# A sixteenth set, built at the start of session 22 before any apply work (``--set final14``).
FINAL14_SEED = 20261203
FINAL14_PYPI_PAIRS = [
    ("backoff", "2.2.0", "2.2.1"),
    ("h2", "4.1.0", "4.2.0"),
    ("wsproto", "1.1.0", "1.2.0"),
    ("isodate", "0.6.1", "0.7.0"),
    ("cssselect", "1.1.0", "1.2.0"),
    ("uritemplate", "4.1.1", "4.2.0"),
    ("texttable", "1.6.7", "1.7.0"),
    ("webob", "1.8.7", "1.8.8"),
    ("tldextract", "5.1.1", "5.1.2"),
    ("jsonpatch", "1.32", "1.33"),
    ("jsonpointer", "2.3", "2.4"),
    ("plumbum", "1.8.2", "1.8.3"),
    ("rfc3986", "1.5.0", "2.0.0"),
    ("deprecated", "1.2.14", "1.2.15"),
    ("falcon", "3.1.1", "3.1.3"),
]
FINAL14_NPM_PAIRS = [
    ("pinia", "2.1.6", "2.1.7"),
    ("swr", "2.2.4", "2.2.5"),
    ("json5", "2.2.2", "2.2.3"),
    ("ohash", "1.1.3", "1.1.4"),
    ("tailwind-merge", "2.2.0", "2.2.1"),
    ("ignore", "5.3.0", "5.3.1"),
    ("micromatch", "4.0.5", "4.0.6"),
    ("radix3", "1.1.0", "1.1.1"),
    ("dotenv-expand", "10.0.0", "11.0.0"),
    ("prompts", "2.4.1", "2.4.2"),
    ("cross-spawn", "7.0.3", "7.0.5"),
    ("body-parser", "1.20.1", "1.20.2"),
    ("send", "0.18.0", "0.19.0"),
    ("mlly", "1.4.2", "1.5.0"),
    ("pkg-types", "1.0.3", "1.1.0"),
    ("untyped", "1.4.0", "1.4.2"),
]
FINAL14_DEBIAN = {
    "go": [
        "golang-github-gorilla-handlers-dev",
        "golang-github-russross-blackfriday-v2-dev",
        "golang-github-armon-go-radix-dev",
    ],
    "rust": [
        "librust-crc32fast-dev",
        "librust-siphasher-dev",
        "librust-rand-core-dev",
        "librust-num-integer-dev",
        "librust-unicode-ident-dev",
        "librust-clap-lex-dev",
    ],
}
SETS = {
    "main": (SEED, PYPI_PAIRS, NPM_PAIRS, DEBIAN),
    "dev2": (DEV2_SEED, DEV2_PYPI_PAIRS, DEV2_NPM_PAIRS, DEV2_DEBIAN),
    "holdout": (HOLDOUT_SEED, HOLDOUT_PYPI_PAIRS, HOLDOUT_NPM_PAIRS, HOLDOUT_DEBIAN),
    "final": (FINAL_SEED, FINAL_PYPI_PAIRS, FINAL_NPM_PAIRS, FINAL_DEBIAN),
    "final2": (FINAL2_SEED, FINAL2_PYPI_PAIRS, FINAL2_NPM_PAIRS, FINAL2_DEBIAN),
    "final3": (FINAL3_SEED, FINAL3_PYPI_PAIRS, FINAL3_NPM_PAIRS, FINAL3_DEBIAN),
    "final4": (FINAL4_SEED, FINAL4_PYPI_PAIRS, FINAL4_NPM_PAIRS, FINAL4_DEBIAN),
    "final5": (FINAL5_SEED, FINAL5_PYPI_PAIRS, FINAL5_NPM_PAIRS, FINAL5_DEBIAN),
    "final6": (FINAL6_SEED, FINAL6_PYPI_PAIRS, FINAL6_NPM_PAIRS, FINAL6_DEBIAN),
    "final7": (FINAL7_SEED, FINAL7_PYPI_PAIRS, FINAL7_NPM_PAIRS, FINAL7_DEBIAN),
    "final8": (FINAL8_SEED, FINAL8_PYPI_PAIRS, FINAL8_NPM_PAIRS, FINAL8_DEBIAN),
    "final9": (FINAL9_SEED, FINAL9_PYPI_PAIRS, FINAL9_NPM_PAIRS, FINAL9_DEBIAN),
    "final10": (FINAL10_SEED, FINAL10_PYPI_PAIRS, FINAL10_NPM_PAIRS, FINAL10_DEBIAN),
    "final11": (FINAL11_SEED, FINAL11_PYPI_PAIRS, FINAL11_NPM_PAIRS, FINAL11_DEBIAN),
    "final12": (FINAL12_SEED, FINAL12_PYPI_PAIRS, FINAL12_NPM_PAIRS, FINAL12_DEBIAN),
    "final13": (FINAL13_SEED, FINAL13_PYPI_PAIRS, FINAL13_NPM_PAIRS, FINAL13_DEBIAN),
    "final14": (FINAL14_SEED, FINAL14_PYPI_PAIRS, FINAL14_NPM_PAIRS, FINAL14_DEBIAN),
}
EXTENSIONS = {
    ".py": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".ts": "typescript",
    ".go": "go",
    ".rs": "rust",
}
MAX_LINES, MAX_CHANGED, MAX_HUNKS = 3000, 120, 8


def changed_pairs(old_root: Path, new_root: Path) -> list[tuple[str, str, str]]:
    """(relative path, old text, new text) for source files changed between two releases, edits of model size."""
    pairs = []
    for new in sorted(new_root.rglob("*")):
        rel = new.relative_to(new_root).as_posix()
        old = old_root / rel
        if not new.is_file() or not old.is_file() or new.suffix not in EXTENSIONS or ".min." in new.name:
            continue
        try:
            a, b = old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if a == b or len(b.splitlines()) > MAX_LINES:
            continue
        ops = [
            op
            for op in difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False).get_opcodes()
            if op[0] != "equal"
        ]
        changed = sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in ops)
        if 0 < changed <= MAX_CHANGED and len(ops) <= MAX_HUNKS:
            pairs.append((rel, a, b))
    return pairs


def generated_edit(path: str, text: str, rng: random.Random) -> str | None:
    """One model-like edit inside a real function; None if it would not parse as well as the original."""
    lines = text.splitlines()
    funcs = [d for d in case_outline.definitions(path, lines) if d.end - d.start >= 3 and d.complete]
    if not funcs:
        return None
    fn = rng.choice(funcs)
    body = [k for k in range(fn.start + 1, fn.end) if lines[k].strip() and not lines[k].strip().startswith("//")]
    if not body:
        return None
    k = rng.choice(body)
    indent = lines[k][: len(lines[k]) - len(lines[k].lstrip())]
    op = rng.choice(["literal", "insert", "delete", "add_function", "delete_function", "rename"])
    go = path.endswith(".go")
    if op == "literal" and re.search(r"\d+|\"[^\"]*\"", lines[k]):
        lines[k] = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 1), lines[k], count=1)
        lines[k] = re.sub(r"\"([^\"]*)\"", r'"\1 (updated)"', lines[k], count=1) if rng.random() < 0.5 else lines[k]
    elif op == "insert":
        stmt = 'log.Printf("checkpoint %d", 1)' if go else 'eprintln!("checkpoint {}", 1);'
        lines.insert(k, indent + stmt)
    elif op == "delete" and (lines[k].rstrip().endswith(";") or (go and not lines[k].rstrip().endswith("{"))):
        del lines[k]
    elif op == "add_function":
        copy = lines[fn.start : fn.end + 1]
        name = re.search(r"fn\s+(\w+)|func\s+(?:\([^)]*\)\s*)?(\w+)", copy[0])
        if not name:
            return None
        old = name.group(1) or name.group(2)
        copy[0] = copy[0].replace(old, old + "V2", 1)
        lines[fn.end + 1 : fn.end + 1] = ["", *copy]
    elif op == "delete_function":
        end = fn.end + 1 if fn.end + 1 < len(lines) and not lines[fn.end + 1].strip() else fn.end
        del lines[fn.start : end + 1]
    elif op == "rename":
        names = re.findall(r"\blet\s+(?:mut\s+)?(\w{3,})|\b(\w{3,})\s*:=", "\n".join(lines[fn.start : fn.end + 1]))
        flat = [a or b for a, b in names]
        if not flat:
            return None
        old = rng.choice(flat)
        for j in range(fn.start, fn.end + 1):
            lines[j] = re.sub(rf"\b{re.escape(old)}\b", old + "Value", lines[j])
    else:
        return None
    new = "\n".join(lines) + ("\n" if text.endswith("\n") else "")
    if new == text or len(case_outline.syntax_errors(path, new)) > len(case_outline.syntax_errors(path, text)):
        return None
    return new


def cases_for(
    source: str,
    rel: str,
    old: str,
    new: str,
    rng: random.Random,
    styles: list[str],
    second: random.Random | None = None,
) -> list[dict]:
    """One case per style; with ``second`` (the second writer's own generator) the sketch is the second writer's,
    in the style at the same place of its list, after the first writer has drawn from ``rng`` as it always does."""
    out = []
    language = EXTENSIONS[Path(rel).suffix]
    for style in styles:
        sketch = write_sketch(rel, old, new, style, rng)
        if second is not None:
            style = sketch_writer2.STYLES[STYLES.index(style)]
            sketch = sketch_writer2.write_sketch(rel, old, new, style, second)
        if sketch is None:
            continue
        out.append(
            {
                "path": rel,
                "original": old,
                "sketch": sketch,
                "expected": new,
                "language": language,
                "style": style,
                "source": source,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), default="main", help="which projects the cases come from")
    parser.add_argument("--out", type=Path, help="default: bench/data/apply_cases.jsonl (apply_SET.jsonl)")
    parser.add_argument("--per-source", type=int, default=40, help="changed files sampled per package pair")
    parser.add_argument("--generated-per-language", type=int, default=80, help="Go/Rust files edited per language")
    parser.add_argument("--writer", type=int, choices=(1, 2), default=1, help="sketch_writer.py or sketch_writer2.py")
    args = parser.parse_args()
    suffix = "" if args.writer == 1 else f"_w{args.writer}"
    name = "apply_cases" if args.set == "main" else f"apply_{args.set}"
    out = args.out or BENCH_DATA / f"{name}{suffix}.jsonl"
    seed, pypi_pairs, npm_pairs, debian = SETS[args.set]
    rng = random.Random(seed)
    second = random.Random(seed + 2) if args.writer == 2 else None
    cases: list[dict] = []
    for name, a, b in pypi_pairs:
        pairs = changed_pairs(pypi_wheel(name, a), pypi_wheel(name, b))
        for rel, old, new in rng.sample(pairs, min(args.per_source, len(pairs))):
            cases += cases_for(f"pypi:{name} {a}->{b}", rel, old, new, rng, list(STYLES), second)
        print(f"{name}: {len(pairs)} changed files", file=sys.stderr)
    for name, a, b in npm_pairs:
        pairs = changed_pairs(npm_package(name, a), npm_package(name, b))
        for rel, old, new in rng.sample(pairs, min(args.per_source, len(pairs))):
            cases += cases_for(f"npm:{name} {a}->{b}", rel, old, new, rng, list(STYLES), second)
        print(f"{name}: {len(pairs)} changed files", file=sys.stderr)
    for language, packages in debian.items():
        suffix = ".go" if language == "go" else ".rs"
        files = sorted(p for pkg in packages for p in debian_package(pkg).rglob(f"*{suffix}") if p.stat().st_size > 300)
        made = 0
        for path in rng.sample(files, len(files)):
            if made >= args.generated_per_language:
                break
            text = path.read_text(encoding="utf-8", errors="replace")
            rel = path.name
            new = generated_edit(rel, text, rng)
            if new is None:
                continue
            made += 1
            source = f"debian:{path.relative_to(DOWNLOADS / 'debian').parts[0]} (generated edit)"
            cases += cases_for(source, rel, text, new, rng, [rng.choice(STYLES), rng.choice(STYLES)], second)
        print(f"{language}: {made} generated edits", file=sys.stderr)
    is_marker = marker_predicate([*sketch_writer.PHRASES, *sketch_writer2.PHRASES])
    verdicts: dict[str, int] = {}
    for index, case in enumerate(cases):
        case["id"] = f"{case['language']}-{index:04d}"
        kind = judge(case["original"], case["sketch"], case["expected"], is_marker).kind
        verdicts[kind] = verdicts.get(kind, 0) + 1
        if kind == "ambiguous":
            case["ambiguous"] = True
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(c) + "\n" for c in cases))
    counts: dict[str, int] = {}
    for case in cases:
        counts[case["language"]] = counts.get(case["language"], 0) + 1
    print(f"{len(cases)} cases {counts}, by the ambiguity oracle {verdicts} -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

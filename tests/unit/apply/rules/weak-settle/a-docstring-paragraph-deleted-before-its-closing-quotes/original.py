class TomlLexer(RegexLexer):
    """
    For TOML configuration files.

    .. versionadded:: 2.4
    """
    name = "TOML"
    aliases = ["toml"]
    filenames = ["*.toml"]

    tokens = {
        "root": [],
    }

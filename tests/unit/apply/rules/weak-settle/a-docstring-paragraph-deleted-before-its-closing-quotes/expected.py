class TomlLexer(RegexLexer):
    """
    For TOML configuration files.
    """
    name = "TOML"
    aliases = ["toml"]
    filenames = ["*.toml"]
    version_added = "2.4"

    tokens = {
        "root": [],
    }

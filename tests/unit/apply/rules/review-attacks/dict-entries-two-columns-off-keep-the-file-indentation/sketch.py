# ... existing code ...
def build_config(env):
    config = {
        "debug": env == "dev",
      "workers": 4,
      "timeout": 30,
        "retries": 3,
    }
    if env == "prod":
        config["workers"] = 16
    return config
# ... existing code ...

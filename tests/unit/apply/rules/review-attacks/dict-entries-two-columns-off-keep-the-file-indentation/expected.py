import logging

logger = logging.getLogger(__name__)


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


def main():
    print(build_config("dev"))

import logging


def setup(level):
    logger = logging.getLogger("app")
    logger.setLevel(logging.INFO)
    return logger

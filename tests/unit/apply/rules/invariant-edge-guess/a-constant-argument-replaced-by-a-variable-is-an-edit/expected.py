import logging


def setup(level):
    logger = logging.getLogger("app")
    logger.setLevel(level)
    return logger

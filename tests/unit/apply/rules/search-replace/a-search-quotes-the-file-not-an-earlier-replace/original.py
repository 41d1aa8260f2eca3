"""Utility methods."""
import collections
import functools
import datetime as dt
import inspect


def now() -> dt.datetime:
    return dt.datetime.now()

"""Utility methods."""
import collections
import datetime as dt
import functools
import inspect


def now() -> dt.datetime:
    return dt.datetime.now()

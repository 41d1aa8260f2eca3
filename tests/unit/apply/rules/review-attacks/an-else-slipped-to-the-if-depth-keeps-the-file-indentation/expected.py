import logging

log = logging.getLogger(__name__)


def find_user(users, name):
    log.debug("looking up %s", name)
    for user in users:
        if user.name == name:
            found = user
            break
    else:
        found = None
    return found


def count(users):
    return len(users)

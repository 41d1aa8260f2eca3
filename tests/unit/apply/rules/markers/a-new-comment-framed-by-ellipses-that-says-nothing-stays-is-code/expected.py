import logging

log = logging.getLogger(__name__)


def send(msg):
    # ... go through the queue instead of the socket ...
    queue.put(msg)
    log.info("sent")


def close():
    sock.close()

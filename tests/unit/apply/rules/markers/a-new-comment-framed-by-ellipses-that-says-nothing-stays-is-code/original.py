import logging

log = logging.getLogger(__name__)


def send(msg):
    sock.connect()
    sock.send(msg)
    log.info("sent")


def close():
    sock.close()

import subprocess


def run(cmd, check=True):
    """Run a command.

    Args:
      cmd: the argv list.
      check: raise on a non-zero exit.
    """
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if check and proc.returncode:
        raise RuntimeError(proc.stderr)
    return proc.stdout


def git(*args):
    try:
        out = run(["git", *args])
        return out.splitlines()
    except RuntimeError:
        return []

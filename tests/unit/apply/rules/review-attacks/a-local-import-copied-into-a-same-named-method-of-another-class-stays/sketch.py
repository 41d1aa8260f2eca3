# ... existing code ...


class TestCommand:
    def run(self, args, verbose=False):
        import subprocess
        subprocess.run(["pytest"] + (["-v"] if verbose else []), check=True)

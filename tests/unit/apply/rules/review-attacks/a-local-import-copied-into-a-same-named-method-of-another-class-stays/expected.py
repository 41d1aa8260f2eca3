class BuildCommand:
    def run(self, args):
        import subprocess
        subprocess.run(["make"], check=True)


class TestCommand:
    def run(self, args, verbose=False):
        import subprocess
        subprocess.run(["pytest"] + (["-v"] if verbose else []), check=True)

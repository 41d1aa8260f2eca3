"""Tool [options] paths.

Check the paths.

tool --help
"""
# ... existing code ...

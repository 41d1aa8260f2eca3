import os
import sys
# ... existing code ...
def main():
    print(Repo().load(sys.argv[1]))

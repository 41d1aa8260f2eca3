from pathlib import Path
import os
import sys

# ... existing code ...

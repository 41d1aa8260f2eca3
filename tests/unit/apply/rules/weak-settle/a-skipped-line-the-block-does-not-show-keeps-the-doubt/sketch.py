import sys
import os

# ... existing code ...

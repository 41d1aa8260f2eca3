import os
import sys

# ... existing code ...

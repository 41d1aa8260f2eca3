import os
import sys
from typing import Optional

# ... existing code ...

import os
import sys
import json

# ... existing code ...

import os
from app import Config
import pytest
# ... existing code ...

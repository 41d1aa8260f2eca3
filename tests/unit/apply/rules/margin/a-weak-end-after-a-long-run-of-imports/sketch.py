from .version import __version__
from .mod_a import *
from .mod_b import *
from .mod_c import *
from .mod_d import *
from .mod_e import *
from .mod_f import *
from .mod_g import *
from .mod_h import *
from .mod_i import *
from .mod_j import *
from .mod_k import *
from .mod_l import *
from .mod_m import *
from .mod_n import *
from .mod_o import *
from .mod_p import *

# ... existing code ...

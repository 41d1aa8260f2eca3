<<<<<<< SEARCH
import collections
=======
import collections
import datetime as dt
>>>>>>> REPLACE

<<<<<<< SEARCH
import datetime as dt
=======
>>>>>>> REPLACE

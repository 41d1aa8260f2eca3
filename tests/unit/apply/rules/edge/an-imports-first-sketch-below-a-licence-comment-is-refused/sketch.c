#include <stdlib.h>
#include <string.h>
#include "queue.h"
// ... existing code ...

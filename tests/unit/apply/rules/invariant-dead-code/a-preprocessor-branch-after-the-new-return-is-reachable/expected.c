#include <stdlib.h>

const char *home_dir(void) {
#ifdef _WIN32
    return getenv("HOMEPATH");
#else
    return getenv("HOME");
#endif
}

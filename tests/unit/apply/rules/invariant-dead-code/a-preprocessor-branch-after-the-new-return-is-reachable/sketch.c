/* ... existing code ... */
const char *home_dir(void) {
#ifdef _WIN32
    return getenv("HOMEPATH");
    /* ... existing code ... */

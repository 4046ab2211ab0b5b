#include <sqlite3.h>
// SQLITE_TRANSIENT is a cast macro Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// A 32-bit load the compiler may neither cache nor tear: for reading a counter in shared memory
// (the WAL-index header) that another connection or process updates.
static inline unsigned int csqlite_volatile_load32(const void *address) {
    return *(const volatile unsigned int *)address;
}

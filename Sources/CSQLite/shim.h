// The pre-update hook (each row a write changes, before and after) is compiled into Debian's libsqlite3, but
// sqlite3.h declares it only under this macro. The cluster records each write's rows with it (issue 11).
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
// SQLITE_TRANSIENT is a cast macro Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// A 32-bit load the compiler may neither cache nor tear: for reading a counter in shared memory
// (the WAL-index header) that another connection or process updates.
static inline unsigned int csqlite_volatile_load32(const void *address) {
    return *(const volatile unsigned int *)address;
}

// sqlite3_config is variadic, which Swift cannot call. Memory statistics cost a global mutex on
// every allocation; Parley never reads them. Must run before the library is first used.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

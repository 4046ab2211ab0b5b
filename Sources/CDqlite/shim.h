// dqlite's node API (Debian's libdqlite-dev 1.11: dqlite_node_create/start/stop/destroy, no C client).
// Used by DqliteNode only; the parley executable does not link it yet.
#include <dqlite.h>

#ifndef PARLEY_RESOURCES_H
#define PARLEY_RESOURCES_H
#include <stddef.h>

/// One file carried in the binary: its name and its bytes (not NUL-terminated).
typedef struct {
    const char *name;
    const unsigned char *bytes;
    size_t length;
} parley_resource;

/// The SQL migrations from Migrations/, in order.
size_t parley_migration_count(void);
parley_resource parley_migration(size_t index);

/// Docs/openapi.json, served at /openapi.json.
parley_resource parley_openapi_document(void);
#endif

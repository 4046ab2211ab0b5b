// The files Parley carries in its binary, embedded at compile time with C23's #embed, so that
// `parley` runs from any directory and the repository holds each file once. The compiler records
// the embedded files as dependencies: editing one rebuilds this target.
#include "ParleyResources.h"

static const unsigned char schema[] = {
#embed "../../Migrations/0001_schema.sql"
};
static const unsigned char seed[] = {
#embed "../../Migrations/0002_seed_article.sql"
};
static const unsigned char writes[] = {
#embed "../../Migrations/0003_writes.sql"
};
static const unsigned char scale[] = {
#embed "../../Migrations/0004_scale.sql"
};
static const unsigned char counts[] = {
#embed "../../Migrations/0005_counts.sql"
};
static const unsigned char span_bounds[] = {
#embed "../../Migrations/0006_span_bounds.sql"
};
static const unsigned char write_costs[] = {
#embed "../../Migrations/0007_write_costs.sql"
};
static const unsigned char name_lookups[] = {
#embed "../../Migrations/0008_name_lookups.sql"
};
static const unsigned char stored_bodies[] = {
#embed "../../Migrations/0009_stored_bodies.sql"
};
static const unsigned char length_classes[] = {
#embed "../../Migrations/0010_length_classes.sql"
};
static const unsigned char openapi[] = {
#embed "../../Docs/openapi.json"
};

// A new migration file gets a line here; EmbeddedResourceTests fails until it does.
static const parley_resource migrations[] = {
    {"0001_schema.sql", schema, sizeof schema},
    {"0002_seed_article.sql", seed, sizeof seed},
    {"0003_writes.sql", writes, sizeof writes},
    {"0004_scale.sql", scale, sizeof scale},
    {"0005_counts.sql", counts, sizeof counts},
    {"0006_span_bounds.sql", span_bounds, sizeof span_bounds},
    {"0007_write_costs.sql", write_costs, sizeof write_costs},
    {"0008_name_lookups.sql", name_lookups, sizeof name_lookups},
    {"0009_stored_bodies.sql", stored_bodies, sizeof stored_bodies},
    {"0010_length_classes.sql", length_classes, sizeof length_classes},
};

size_t parley_migration_count(void) { return sizeof migrations / sizeof migrations[0]; }

parley_resource parley_migration(size_t index) {
    if (index >= parley_migration_count()) return (parley_resource){"", (const unsigned char *)"", 0};
    return migrations[index];
}

parley_resource parley_openapi_document(void) {
    return (parley_resource){"openapi.json", openapi, sizeof openapi};
}

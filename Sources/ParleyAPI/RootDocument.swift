import HTTPServer

/// `/`: what Parley is and where everything is.
enum RootDocument {
    static let description = "Parley serves the January 2022 negotiations between Russia and the United States, NATO and the OSCE "
        + "(Geneva 10 January, NATO 12 January, OSCE 13 January) as one news article tells them: "
        + "meetings, parties, people, quotes, topics and Russia's demands, each traced to the article's paragraphs. "
        + "Fields Parley infers rather than reads are marked with a basis of \"inferred\": among them, that the NATO–Russia talks "
        + "of 12 January sit in Brussels, and their name \"NATO–Russia Council\" (the article says only \"negotiations with NATO\"). "
        + "Reads are public; services holding a token add and correct records, and /changes lists every change in commit order."

    static func encode(pretty: Bool) -> [UInt8] {
        var json = JSONWriter(capacity: 1024, pretty: pretty)
        json.beginObject()
        json.field("name", "Parley")
        json.field("description", description)
        json.key("links")
        json.beginObject()
        json.field("self", "/")
        for kind in ResourceKind.allCases { json.field(kind.rawValue, "/" + kind.rawValue) }
        json.field("changes", "/changes")
        json.field("openapi", "/openapi.json")
        json.field("health", "/healthz")
        json.field("example", "/meetings?date=2022-01-12")
        json.endObject()
        json.endObject()
        return json.bytes
    }
}

/// `/healthz`: the database answers, and at which data and schema versions.
enum HealthDocument {
    static func encode(dataVersion: Int, schemaVersion: Int, pretty: Bool) -> [UInt8] {
        var json = JSONWriter(capacity: 128, pretty: pretty)
        json.beginObject()
        json.field("status", "ok")
        json.field("data_version", dataVersion)
        json.field("schema_version", schemaVersion)
        json.endObject()
        return json.bytes
    }
}

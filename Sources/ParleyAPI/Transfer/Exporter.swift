import HTTPServer
import ParleyStore

/// `parley export`: every record as JSON, in the shapes the read API returns, from one snapshot.
///
/// ```
/// {"format": "parley-export", "version": 1, "schema_version": 3, "data_version": 88,
///  "sources": [...], "topics": [...], "parties": [...], "people": [...], "meetings": [...], "quotes": [...],
///  "demands": [...]}
/// ```
/// Collections come in the order `parley import` needs them (what others refer to first), each sorted as its list.
public enum Exporter {
    public static let format = "parley-export"
    public static let version = 1

    public struct Summary: Sendable {
        public let dataVersion: Int
        public let counts: [(collection: String, count: Int)]
    }

    public static func export(_ store: Store) throws -> (bytes: [UInt8], summary: Summary) {
        try store.read {
            let dataVersion = try store.readDataVersion()
            var counts: [(String, Int)] = []
            var json = JSONWriter(capacity: 1 << 18, pretty: true)
            json.beginObject()
            json.field("format", format)
            json.field("version", version)
            json.field("schema_version", store.schemaVersion)
            json.field("data_version", dataVersion)
            counts.append(("sources", try write(SourcesResource.self, store, into: &json)))
            // In the order an import creates them: what others refer to first.
            for collection in Importer.order {
                counts.append((collection.rawValue, try write(collection.resource, store, into: &json)))
            }
            json.endObject()
            var bytes = json.bytes
            bytes.append(UInt8(ascii: "\n"))
            return (bytes, Summary(dataVersion: dataVersion, counts: counts))
        }
    }

    /// Writes `"<name>": [every record]`, page by page; returns how many.
    private static func write<R: Resource>(_: R.Type, _ store: Store, into json: inout JSONWriter) throws -> Int {
        let query = try QueryParameters(parsing: "", allowed: [])
        json.key(R.name)
        var sink = JSONSink(writer: json, selection: .all)
        sink.writer.beginArray()
        var cursor: R.Cursor?
        var count = 0
        repeat {
            let page = try R.list(store, query, after: cursor, limit: QueryParameters.limitRange.upperBound)
            for item in page.items { R.encode(item, into: &sink) }
            count += page.items.count
            cursor = page.next
        } while cursor != nil
        sink.writer.endArray()
        json = sink.writer
        return count
    }
}

import HTTPServer

/// Writes records as JSON into a `JSONWriter`, leaving out top-level fields not selected.
struct JSONSink: RecordSink {
    var writer: JSONWriter
    var selection: FieldSelection
    /// Nesting within the current record: 1 inside its object.
    private var depth = 0
    /// While a deselected field's value is being skipped: the depth its key was at.
    private var skipDepth: Int?

    init(writer: JSONWriter, selection: FieldSelection) {
        self.writer = writer
        self.selection = selection
    }

    mutating func key(_ name: StaticString) {
        if skipDepth != nil { return }
        if depth == 1 && !selection.includes(name) {
            skipDepth = depth
            return
        }
        writer.key(name)
    }

    mutating func string(_ value: String?) {
        if skipping() { return }
        writer.string(value)
    }

    mutating func int(_ value: Int?) {
        if skipping() { return }
        if let value { writer.int(value) } else { writer.null() }
    }

    mutating func bool(_ value: Bool) {
        if skipping() { return }
        writer.bool(value)
    }

    mutating func beginObject() {
        depth += 1
        if skipDepth == nil { writer.beginObject() }
    }

    mutating func endObject() {
        depth -= 1
        if closeSkipped() { return }
        writer.endObject()
    }

    mutating func beginArray() {
        depth += 1
        if skipDepth == nil { writer.beginArray() }
    }

    mutating func endArray() {
        depth -= 1
        if closeSkipped() { return }
        writer.endArray()
    }

    /// For a scalar: true when it is (part of) a skipped value; ends the skip when it was the whole value.
    private mutating func skipping() -> Bool {
        guard let skip = skipDepth else { return false }
        if depth == skip { skipDepth = nil }
        return true
    }

    /// For a closing bracket: true when it closes (part of) a skipped value.
    private mutating func closeSkipped() -> Bool {
        guard let skip = skipDepth else { return false }
        if depth == skip { skipDepth = nil }
        return true
    }
}

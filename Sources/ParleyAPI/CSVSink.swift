/// Writes records as RFC 4180 CSV rows: a header row, CRLF line ends, fields quoted when they hold a
/// comma, quote, CR or LF (quotes doubled).
///
/// A record's top-level fields become columns. Nested values are flattened so a spreadsheet can use them:
/// a related record becomes its id; a list becomes its items joined with `;`; an object with
/// declared subfields (location) spreads over `field.subfield` columns; any other object becomes its
/// `id`, `name` or `title`, or else its values joined with `:` (a source reference reads `article:9`).
///
/// CSV injection (OWASP): a text cell that begins with `=`, `+`, `-`, `@`, tab or carriage return would be read
/// by a spreadsheet as a formula, so it is written with a single quote (`'`) before it; the JSON form keeps
/// the value verbatim. The rule covers every text cell, also one that looks like a negative number (a stored
/// title "-1" reads '-1). Cells holding an integer field Parley writes are numbers, not text, and stay as
/// they are; dates (YYYY-MM-DD) and ids (lowercase slugs) never begin with one of those characters.
struct CSVSink: RecordSink {
    private(set) var bytes: [UInt8] = []
    /// Selected columns in order: (field, subfield or nil).
    private let columns: [(field: String, subfield: String?)]

    private var cells: [String] = []
    private var numeric: [Bool] = []    // the cell holds an integer field, written as a number
    private var depth = 0
    private var column: Int?           // first column of the current top-level field, nil when not selected
    private var field = ""             // current top-level field
    private var subKey = ""            // current key inside an object field (depth 2) or element (depth 3)
    private var inArray = false        // the current top-level field is an array
    private var objectParts: [(String, String)] = []   // scalars of an object field or array element
    private var arrayParts: [String] = []

    init(fields: [FieldSpec], selection: FieldSelection) {
        var columns: [(String, String?)] = []
        for spec in fields where selection.includes(spec.name) {
            if spec.subfields.isEmpty {
                columns.append((spec.name, nil))
            } else {
                for sub in spec.subfields { columns.append((spec.name, sub)) }
            }
        }
        self.columns = columns
        writeRow(columns.map { column in column.1.map { column.0 + "." + $0 } ?? column.0 })
    }

    // MARK: RecordSink

    mutating func key(_ name: StaticString) {
        let name = name.description
        switch depth {
        case 1:
            field = name
            column = columns.firstIndex { $0.field == name }
            inArray = false
        default:
            subKey = name
        }
    }

    mutating func string(_ value: String?) {
        guard column != nil, let value else { return }
        scalar(value)
    }

    mutating func int(_ value: Int?) {
        guard let column, let value else { return }
        scalar(String(value))
        if depth == 1 { numeric[column] = true }
    }

    mutating func bool(_ value: Bool) {
        guard column != nil else { return }
        scalar(value ? "true" : "false")
    }

    mutating func beginObject() {
        depth += 1
        switch depth {
        case 1:
            cells = Array(repeating: "", count: columns.count)
            numeric = Array(repeating: false, count: columns.count)
        case 2 where !inArray, 3 where inArray:
            objectParts.removeAll(keepingCapacity: true)
        default:
            break
        }
    }

    mutating func endObject() {
        defer { depth -= 1 }
        switch depth {
        case 1:
            writeRow(cells, numeric: numeric)
        case 2 where !inArray:
            guard let column else { return }
            if columns[column].subfield != nil {
                for (key, value) in objectParts {
                    if let index = columns.firstIndex(where: { $0.field == field && $0.subfield == key }) {
                        cells[index] = value
                    }
                }
            } else {
                cells[column] = Self.summary(objectParts)
            }
        case 3 where inArray:
            if column != nil { arrayParts.append(Self.summary(objectParts)) }
        default:
            break
        }
    }

    mutating func beginArray() {
        depth += 1
        if depth == 2 {
            inArray = true
            arrayParts.removeAll(keepingCapacity: true)
        }
    }

    mutating func endArray() {
        if depth == 2, let column { cells[column] = arrayParts.joined(separator: ";") }
        depth -= 1
    }

    // MARK: internals

    private mutating func scalar(_ value: String) {
        guard let column else { return }
        switch depth {
        case 1: cells[column] = value
        case 2 where inArray: arrayParts.append(value)
        case 2, 3: objectParts.append((subKey, value))
        default: break  // deeper values (a post's party) are left to the JSON form
        }
    }

    private static func summary(_ parts: [(String, String)]) -> String {
        for preferred in ["id", "name", "title"] {
            if let part = parts.first(where: { $0.0 == preferred }) { return part.1 }
        }
        return parts.map(\.1).joined(separator: ":")
    }

    private mutating func writeRow(_ row: [String], numeric: [Bool] = []) {
        for (index, cell) in row.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let isNumber = index < numeric.count && numeric[index]
            Self.appendField(isNumber ? cell : Self.neutralised(cell), to: &bytes)
        }
        bytes.append(13)
        bytes.append(10)
    }

    /// The characters that make a spreadsheet read a cell as a formula when it begins with one (OWASP).
    static let formulaTriggers: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `value`, with a single quote before it when it begins with a formula trigger.
    static func neutralised(_ value: String) -> String {
        guard let first = value.utf8.first, formulaTriggers.contains(first) else { return value }
        return "'" + value
    }

    static func appendField(_ value: String, to bytes: inout [UInt8]) {
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
        guard needsQuotes else {
            bytes.append(contentsOf: value.utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

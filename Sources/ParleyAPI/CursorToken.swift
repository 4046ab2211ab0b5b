import ParleyStore

/// The opaque `cursor` of a list: `<list>.` followed by base64url of the last item's sort key, one
/// component per line (`meetings.MjAyMi0wMS0xMApu…`).
///
/// The prefix ties a cursor to its list (a meetings cursor is refused by /quotes); after it, anything in
/// the base64url alphabet decodes to *some* position in the list's order, because keyset pagination
/// only compares with `>`. So the OpenAPI pattern `^meetings\.[A-Za-z0-9_-]*$` is exactly what is
/// accepted: a cursor matching it gives a page (perhaps empty), one that does not gives a 400.
enum CursorToken {
    static let maximumLength = 1024

    static func encode<Cursor: PageCursor>(_ cursor: Cursor, list: String) -> String {
        list + "." + Base64URL.encode(Array(cursor.components.joined(separator: "\n").utf8))
    }

    static func decode<Cursor: PageCursor>(_ token: String, list: String, as _: Cursor.Type) throws -> Cursor {
        guard token.utf8.count <= maximumLength, token.hasPrefix(list + "."),
              let bytes = Base64URL.decode(String(token.dropFirst(list.count + 1)), lenient: true) else {
            throw APIError.invalid("cursor", "cursor is not a cursor of \(list); use links.next from a previous page of /\(list)")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return Cursor(components: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}

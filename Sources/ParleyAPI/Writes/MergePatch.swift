import HTTPServer

/// JSON Merge Patch (RFC 7396): an object patch sets its members, recursively for objects, and removes those it
/// sets to null; any other patch value replaces the target whole. Arrays are replaced, never merged.
enum MergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case let .object(patchMembers) = patch else { return patch }
        var members: [(String, JSONValue)]
        if case let .object(targetMembers) = target { members = targetMembers } else { members = [] }
        for (name, value) in patchMembers {
            let index = members.firstIndex { $0.0 == name }
            if value == .null {
                if let index { members.remove(at: index) }
            } else if let index {
                members[index].1 = apply(value, to: members[index].1)
            } else {
                members.append((name, apply(value, to: .null)))
            }
        }
        return .object(members)
    }
}

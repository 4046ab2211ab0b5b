import HTTPServer

/// JSON Merge Patch (RFC 7396): an object patch sets its members, recursively for objects, and removes those it
/// sets to null; any other patch value replaces the target whole. Arrays are replaced, never merged.
enum MergePatch {
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        var ignored: [String] = []
        return apply(patch, to: target, at: "", removingAbsent: &ignored)
    }

    /// As `apply`, also listing (as JSON Pointers) the members the patch sets to null that the target does not have:
    /// removing them changes nothing, but the patch names them, so a caller can refuse names it does not know.
    static func apply(_ patch: JSONValue, to target: JSONValue, at pointer: String, removingAbsent: inout [String]) -> JSONValue {
        guard case let .object(patchMembers) = patch else { return patch }
        var members: [(String, JSONValue)]
        if case let .object(targetMembers) = target { members = targetMembers } else { members = [] }
        for (name, value) in patchMembers {
            let index = members.firstIndex { $0.0 == name }
            let path = Validation.pointer(pointer, name)
            if value == .null {
                if let index { members.remove(at: index) } else { removingAbsent.append(path) }
            } else if let index {
                members[index].1 = apply(value, to: members[index].1, at: path, removingAbsent: &removingAbsent)
            } else {
                members.append((name, apply(value, to: .null, at: path, removingAbsent: &removingAbsent)))
            }
        }
        return .object(members)
    }
}

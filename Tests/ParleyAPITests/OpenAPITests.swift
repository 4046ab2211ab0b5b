import Foundation
import ParleyAPI
import TestSupport
import Testing

/// Docs/openapi.json against the router and against what the server really sends.
@Suite struct OpenAPITests {
    let document: [String: Any]
    let api = TestAPI.shared

    init() throws {
        document = try JSON.object(Array(try Repository.text("Docs/openapi.json").utf8))
    }

    var paths: [String: [String: Any]] { document["paths"] as? [String: [String: Any]] ?? [:] }

    /// Follows a local `$ref`.
    func resolve(_ value: Any?) -> [String: Any] {
        guard var object = value as? [String: Any] else { return [:] }
        var hops = 0
        while let reference = object["$ref"] as? String, hops < 10 {
            var target: Any? = document
            for part in reference.dropFirst(2).split(separator: "/") { target = (target as? [String: Any])?[String(part)] }
            object = target as? [String: Any] ?? [:]
            hops += 1
        }
        return object
    }

    @Test func isOpenAPI31() {
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["title"] as? String == "Parley")
    }

    @Test func routesAndDocumentAgree() {
        let routed = Dictionary(uniqueKeysWithValues: Router.table.map { ($0.path, $0) })
        #expect(Set(paths.keys) == Set(routed.keys), "paths in one but not the other")
        for (path, route) in routed {
            let item = paths[path] ?? [:]
            let documented = Set(item.keys.filter { ["get", "head", "options", "post", "put", "patch", "delete"].contains($0) }.map { $0.uppercased() })
            #expect(documented == Set(route.methods), "\(path): documented \(documented.sorted()), routed \(route.methods)")
        }
    }

    @Test func queryParametersAgree() {
        for route in Router.table {
            for method in ["get", "head"] {
                let operation = paths[route.path]?[method] as? [String: Any] ?? [:]
                let parameters = (operation["parameters"] as? [Any] ?? []).map(resolve)
                let query = parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
                #expect(Set(query) == Set(route.queryParameters), "\(method) \(route.path)")
                #expect(query.count == Set(query).count, "\(method) \(route.path) repeats a parameter")
                if route.path.contains("{id}") {
                    #expect(parameters.contains { $0["in"] as? String == "path" && $0["name"] as? String == "id" && $0["required"] as? Bool == true })
                }
            }
        }
    }

    @Test func everyOperationDocumentsItsStatuses() {
        var operationIds: [String] = []
        for route in Router.table {
            for method in ["get", "head", "options"] {
                let operation = paths[route.path]?[method] as? [String: Any] ?? [:]
                let responses = operation["responses"] as? [String: Any] ?? [:]
                operationIds.append(operation["operationId"] as? String ?? "")
                switch method {
                case "options":
                    // A plain OPTIONS of a record that does not exist is 404 (a CORS preflight never is).
                    #expect(Set(responses.keys) == (route.path.contains("{id}") ? ["204", "404"] : ["204"]), "\(method) \(route.path)")
                default:
                    // /metrics is live counters: never cached, so never 304.
                    let statuses = route.path == "/metrics" ? ["200", "400"] : ["200", "304", "400"]
                    for status in statuses { #expect(responses[status] != nil, "\(method) \(route.path) lacks \(status)") }
                    #expect((responses["404"] != nil) == route.path.contains("{id}"), "\(method) \(route.path) and 404")
                }
                if method == "get" {
                    let ok = resolve(responses["200"])
                    let content = ok["content"] as? [String: Any] ?? [:]
                    #expect(content[route.path == "/metrics" ? "text/plain; version=0.0.4; charset=utf-8" : "application/json"] != nil)
                    let isList = !route.path.contains("{") && route.queryParameters.contains("cursor")
                    #expect((content["text/csv"] != nil) == isList, "\(route.path) and CSV")
                    let bad = resolve(responses["400"])
                    #expect((bad["content"] as? [String: Any])?["application/problem+json"] != nil)
                }
            }
        }
        for route in Router.table {
            for method in ["post", "patch", "delete"] {
                if let operation = paths[route.path]?[method] as? [String: Any] { operationIds.append(operation["operationId"] as? String ?? "") }
            }
        }
        #expect(Set(operationIds).count == operationIds.count, "operationIds must be unique")
        #expect(!operationIds.contains(""))
    }

    /// Writes: bearer security, a JSON body with a schema, and every status they can answer.
    @Test func everyWriteOperationIsDocumented() {
        let schemes = (document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any]
        let bearer = resolve(schemes?["bearer"])
        #expect(bearer["type"] as? String == "http" && bearer["scheme"] as? String == "bearer")
        var writes = 0
        for route in Router.table {
            for method in ["post", "patch", "delete"] where route.methods.contains(method.uppercased()) {
                writes += 1
                let label = "\(method) \(route.path)"
                let operation = paths[route.path]?[method] as? [String: Any] ?? [:]
                let security = operation["security"] as? [[String: Any]] ?? []
                #expect(security.count == 1 && security.first?["bearer"] != nil, "\(label) security")
                let parameters = (operation["parameters"] as? [Any] ?? []).map(resolve)
                #expect(!parameters.contains { $0["in"] as? String == "query" }, "\(label) takes no query parameters")
                let headers = Set(parameters.filter { $0["in"] as? String == "header" }.compactMap { $0["name"] as? String })
                #expect(headers == (method == "post" ? ["Idempotency-Key"] : ["If-Match"]), "\(label) headers")
                let responses = operation["responses"] as? [String: Any] ?? [:]
                var statuses: Set<String> = ["400", "401", "403", "503", "507"]  // 507: a full disk or a failed fsync
                switch method {
                case "post": statuses.formUnion(["201", "409", "413", "415", "422"])
                case "patch": statuses.formUnion(["200", "404", "412", "413", "415", "422"])
                default: statuses.formUnion(["204", "404", "409", "412"])
                }
                #expect(Set(responses.keys) == statuses, "\(label): \(responses.keys.sorted())")
                #expect(resolve(responses["401"])["headers"].map { ($0 as? [String: Any])?["WWW-Authenticate"] != nil } == true)
                for status in statuses where !status.hasPrefix("2") {
                    let content = resolve(responses[status])["content"] as? [String: Any]
                    #expect(content?["application/problem+json"] != nil, "\(label) \(status)")
                }
                if method == "delete" {
                    #expect(operation["requestBody"] == nil)
                } else {
                    let body = operation["requestBody"] as? [String: Any] ?? [:]
                    #expect(body["required"] as? Bool == true, "\(label)")
                    let types = Set((body["content"] as? [String: Any] ?? [:]).keys)
                    #expect(types == (method == "post" ? ["application/json"] : ["application/merge-patch+json", "application/json"]), "\(label)")
                    for type in types {
                        let schema = resolve(((body["content"] as? [String: Any])?[type] as? [String: Any])?["schema"])
                        #expect(schema["type"] as? String == "object" && schema["additionalProperties"] as? Bool == false, "\(label)")
                    }
                    let ok = resolve(responses[method == "post" ? "201" : "200"])
                    #expect((ok["headers"] as? [String: Any])?["ETag"] != nil, "\(label)")
                    if method == "post" { #expect((ok["headers"] as? [String: Any])?["Location"] != nil, "\(label)") }
                }
            }
        }
        #expect(writes == 18, "POST, PATCH and DELETE on six collections")
    }

    @Test func everyReferenceResolves() throws {
        func walk(_ value: Any, _ at: String) {
            if let object = value as? [String: Any] {
                if let reference = object["$ref"] as? String {
                    #expect(!resolve(object).isEmpty, "\(at): \(reference) does not resolve")
                }
                for (key, child) in object { walk(child, at + "/" + key) }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, at + "/\(index)") }
            }
        }
        walk(document, "#")
    }

    /// Every schema has a type (or is a reference, or a nullable union of a reference and null).
    @Test func everySchemaIsTyped() throws {
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        func check(_ schema: [String: Any], _ at: String) {
            if schema["$ref"] != nil { return }
            if let anyOf = schema["anyOf"] as? [[String: Any]] {
                #expect(anyOf.count == 2 && anyOf.contains { $0["$ref"] != nil } && anyOf.contains { $0["type"] as? String == "null" }, "\(at)")
                return
            }
            #expect(schema["type"] != nil, "\(at) has no type")
            for (name, property) in schema["properties"] as? [String: [String: Any]] ?? [:] { check(property, at + "." + name) }
            if let items = schema["items"] as? [String: Any] { check(items, at + "[]") }
        }
        for (name, schema) in schemas { check(schema as? [String: Any] ?? [:], name) }
    }

    /// swift-openapi-generator 1.14.3 drops any property whose schema is `anyOf: [{$ref}, {type: null}]` (issue 10):
    /// the document says "may be null" with a nullable inline object instead.
    @Test func noPropertyIsAnAnyOfWithNull() throws {
        func walk(_ value: Any, _ at: String) {
            if let object = value as? [String: Any] {
                if let anyOf = object["anyOf"] as? [[String: Any]] {
                    #expect(!anyOf.contains { $0["type"] as? String == "null" }, "\(at): anyOf with null")
                }
                for (key, child) in object { walk(child, at + "/" + key) }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { walk(child, at + "/\(index)") }
            }
        }
        walk(document, "#")
    }

    /// Every field of a record is always present (null when unknown) unless `fields=` trims it, so each is required;
    /// the `…Fields` schemas that `fields=` answers use are the same without `required`.
    @Test(arguments: ["Meeting", "Party", "Person", "Quote", "Topic", "Demand", "Source"])
    func recordSchemasRequireEveryFieldAndHaveATrimmedTwin(_ name: String) throws {
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        let full = try #require(schemas[name] as? [String: Any])
        let properties = Set((full["properties"] as? [String: Any] ?? [:]).keys)
        #expect(Set(full["required"] as? [String] ?? []) == properties, "\(name) requires every field")
        let trimmed = try #require(schemas[name + "Fields"] as? [String: Any])
        #expect(trimmed["required"] == nil)
        #expect(NSDictionary(dictionary: trimmed["properties"] as? [String: Any] ?? [:])
            .isEqual(to: full["properties"] as? [String: Any] ?? [:]), "\(name)Fields has \(name)'s properties")
        #expect(trimmed["additionalProperties"] as? Bool == false)
    }

    /// Every GET that takes `fields` documents the trimmed media type beside application/json.
    @Test func everyFieldsOperationDocumentsTheTrimmedMediaType() throws {
        var checked = 0
        for (path, item) in paths {
            guard let operation = item["get"] as? [String: Any] else { continue }
            let parameters = (operation["parameters"] as? [Any] ?? []).map(resolve)
            guard parameters.contains(where: { $0["name"] as? String == "fields" }) else { continue }
            let content = resolve((operation["responses"] as? [String: Any])?["200"])["content"] as? [String: Any] ?? [:]
            let json = resolve((content["application/json"] as? [String: Any])?["schema"])
            let trimmed = (content["application/vnd.parley.fields+json"] as? [String: Any])?["schema"] as? [String: Any]
            let reference = try #require(trimmed?["$ref"] as? String, "\(path)")
            #expect(reference.hasSuffix("FieldsList") || reference.hasSuffix("FieldsDocument"), "\(path)")
            #expect(Set((json["properties"] as? [String: Any] ?? [:]).keys) == Set((resolve(trimmed)["properties"] as? [String: Any] ?? [:]).keys))
            checked += 1
        }
        #expect(checked == 15, "seven lists, seven records and the change feed")
    }

    // MARK: responses conform

    static let samples = [
        "/", "/healthz", "/meetings", "/meetings?date=2022-01-12", "/meetings?fields=id,location", "/meetings?limit=1",
        "/meetings/nato-russia-council-2022-01-12", "/meetings/bucharest-summit-2008?fields=title",
        "/parties?limit=500", "/parties/nato", "/parties/estonia", "/people", "/people/julianne-smith",
        "/people/alexander-grushko", "/quotes?limit=500", "/quotes/smith-crystal-ball-p1", "/topics", "/topics/risk-reduction",
        "/demands", "/sources", "/sources/article", "/changes", "/changes?since=80&limit=3&fields=seq,id",
    ]

    @Test(arguments: samples)
    func responsesConformToTheirSchemas(_ target: String) throws {
        let path = String(target.prefix { $0 != "?" })
        let pattern = path.split(separator: "/").count == 2 ? "/" + path.split(separator: "/")[0] + "/{id}" : path
        let operation = try #require(paths[pattern]?["get"] as? [String: Any], "\(pattern) undocumented")
        let ok = resolve((operation["responses"] as? [String: Any])?["200"])
        let response = try api.get(target)
        #expect(response.status == 200)
        // The schema of the media type the server answered with: `fields=` answers have their own.
        let mediaType = String((response.header("Content-Type") ?? "").prefix { $0 != ";" })
        #expect(mediaType == (target.contains("fields=") ? "application/vnd.parley.fields+json" : "application/json"), "\(target)")
        let content = try #require((ok["content"] as? [String: Any])?[mediaType] as? [String: Any], "\(target): \(mediaType) undocumented")
        let schema = resolve(content["schema"])
        let body = try JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])
        let errors = validate(body, against: schema, at: "$")
        #expect(errors.isEmpty, "\(target): \(errors.prefix(5))")
        // Headers the document calls required are there.
        for (name, header) in ok["headers"] as? [String: Any] ?? [:] where resolve(header)["required"] as? Bool == true {
            #expect(response.header(name) != nil, "\(target) lacks \(name)")
        }
    }

    @Test func problemsConformToTheProblemSchema() throws {
        let schema = resolve(["$ref": "#/components/schemas/Problem"])
        for target in ["/meetings?date=2022-02-30", "/nope", "/meetings/nope", "/quotes?q="] {
            let response = try api.get(target)
            let errors = validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: schema, at: "$")
            #expect(errors.isEmpty, "\(target): \(errors)")
        }
    }

    /// What writes send and answer matches the document: request bodies against the Create and Patch schemas (a record
    /// read validates as both, since it can be written back), responses against their statuses' schemas.
    @Test func writesConformToTheDocument() throws {
        let api = try TestAPI()
        let token = try api.token()
        let problem = resolve(["$ref": "#/components/schemas/Problem"])
        func schema(_ path: String, _ method: String, _ status: String) -> [String: Any] {
            let operation = paths[path]?[method] as? [String: Any] ?? [:]
            let response = resolve((operation["responses"] as? [String: Any])?[status])
            return resolve(((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"])
        }
        let creates: [(String, String, String)] = [
            ("/meetings", "MeetingCreate", Bodies.meeting("conforming-meeting")),
            ("/quotes", "QuoteCreate", Bodies.quote("conforming-quote", meeting: "conforming-meeting")),
            ("/topics", "TopicCreate", Bodies.topic("conforming-topic")),
        ]
        for (path, schemaName, body) in creates {
            let input = try JSONSerialization.jsonObject(with: Data(body.utf8))
            #expect(validate(input, against: ["$ref": "#/components/schemas/\(schemaName)"], at: "$").isEmpty, "\(schemaName)")
            let response = try api.post(path, body, token: token)
            #expect(response.status == 201)
            let errors = validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: schema(path, "post", "201"), at: "$")
            #expect(errors.isEmpty, "\(path): \(errors.prefix(3))")
        }
        for (collection, name) in [("meetings", "Meeting"), ("parties", "Party"), ("people", "Person"), ("quotes", "Quote"),
                                   ("topics", "Topic"), ("demands", "Demand")] {
            let record = try #require(try JSON.items(try api.json("/\(collection)?limit=1")).first)
            for kind in ["Create", "Patch"] {
                let errors = validate(record, against: ["$ref": "#/components/schemas/\(name)\(kind)"], at: "$")
                #expect(errors.isEmpty, "a \(collection) record read is a valid \(name)\(kind): \(errors.prefix(3))")
            }
        }
        let patched = try api.patch("/topics/conforming-topic", #"{"description": "d"}"#, token: token)
        #expect(validate(try JSONSerialization.jsonObject(with: Data(patched.body)), against: schema("/topics/{id}", "patch", "200"), at: "$").isEmpty)
        let refusals = [
            try api.post("/topics", "{}", token: token), try api.post("/topics", "{", token: token),
            try api.post("/topics", Bodies.topic("x"), token: "nope"), try api.delete("/people/julianne-smith", token: token),
            try api.patch("/topics/arms-control", "{}", token: token, headers: [("If-Match", "\"old\"")]),
            try api.post("/topics", Bodies.topic("x"), token: token, headers: [("Content-Type", "text/plain")]),
        ]
        for response in refusals {
            let errors = validate(try JSONSerialization.jsonObject(with: Data(response.body)), against: problem, at: "$")
            #expect(errors.isEmpty, "\(response.status): \(errors)")
        }
        #expect(refusals.map(\.status) == [422, 400, 401, 409, 412, 415])
    }

    /// Record keys come out in the order the schema lists them.
    @Test(arguments: ["meetings": "Meeting", "parties": "Party", "people": "Person", "quotes": "Quote", "topics": "Topic",
                      "demands": "Demand", "sources": "Source", "changes": "Change"])
    func recordKeysFollowTheSchemaOrder(_ collection: String, _ schemaName: String) throws {
        let schema = resolve(["$ref": "#/components/schemas/\(schemaName)"])
        let documented = Repository.orderedKeys(ofSchema: schemaName)
        #expect(Set(documented) == Set((schema["properties"] as? [String: Any] ?? [:]).keys))
        let body = try api.get("/\(collection)?limit=1").text
        // The first item's keys, in the order written: scan the raw text.
        let keys = Repository.topLevelKeysOfFirstItem(body)
        #expect(keys == documented, "\(collection): \(keys) vs \(documented)")
    }

    // A JSON Schema subset: what Docs/openapi.json uses.
    func validate(_ value: Any, against rawSchema: [String: Any], at path: String) -> [String] {
        let schema = resolve(rawSchema)
        var errors: [String] = []
        if let anyOf = schema["anyOf"] as? [[String: Any]] {
            if !anyOf.contains(where: { validate(value, against: $0, at: path).isEmpty }) { errors.append("\(path): matches no anyOf branch") }
            return errors
        }
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        let actual: String
        switch value {
        case is NSNull: actual = "null"
        case let number as NSNumber where String(cString: number.objCType) == "c": actual = "boolean"
        case let number as NSNumber: actual = number.doubleValue == number.doubleValue.rounded() ? "integer" : "number"
        case is String: actual = "string"
        case is [Any]: actual = "array"
        case is [String: Any]: actual = "object"
        default: actual = "unknown"
        }
        if !types.isEmpty && !types.contains(actual) && !(actual == "integer" && types.contains("number")) {
            return ["\(path): \(actual) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [Any] {
            if !allowed.contains(where: { ($0 as? NSObject)?.isEqual(value) == true }) { errors.append("\(path): \(value) not in enum") }
        }
        if let string = value as? String {
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): '\(string)' does not match \(pattern)")
            }
            if let min = schema["minLength"] as? Int, string.count < min { errors.append("\(path): shorter than \(min)") }
            if let max = schema["maxLength"] as? Int, string.count > max { errors.append("\(path): longer than \(max)") }
            if schema["format"] as? String == "date", string.range(of: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", options: .regularExpression) == nil {
                errors.append("\(path): '\(string)' is not a date")
            }
        }
        if let number = value as? NSNumber, actual == "integer" {
            if let min = schema["minimum"] as? Int, number.intValue < min { errors.append("\(path): below \(min)") }
            if let max = schema["maximum"] as? Int, number.intValue > max { errors.append("\(path): above \(max)") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for required in schema["required"] as? [String] ?? [] where object[required] == nil {
                errors.append("\(path): lacks \(required)")
            }
            for (key, child) in object {
                if let property = properties[key] as? [String: Any] {
                    errors += validate(child, against: property, at: path + "." + key)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += validate(child, against: additional, at: path + "." + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): undocumented property \(key)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, child) in array.enumerated() { errors += validate(child, against: items, at: path + "[\(index)]") }
        }
        return errors
    }
}

extension Repository {
    /// The property names of a component schema in document order (JSONSerialization loses order).
    static func orderedKeys(ofSchema name: String) -> [String] {
        guard let text = try? text("Docs/openapi.json"),
              let start = text.range(of: "\n    \"schemas\": {"),
              let schema = text.range(of: "\n      \"\(name)\": {", range: start.upperBound..<text.endIndex),
              let properties = text.range(of: "\"properties\": {", range: schema.upperBound..<text.endIndex) else { return [] }
        var keys: [String] = []
        // Properties of a component schema sit at a fixed indentation in the two-space-indented document.
        for line in text[properties.upperBound...].split(separator: "\n") {
            if line.hasPrefix("        }") && !line.hasPrefix("         ") { break }
            if line.hasPrefix("          \"") && !line.hasPrefix("           "), let end = line.dropFirst(11).firstIndex(of: "\"") {
                keys.append(String(line.dropFirst(11)[..<end]))
            }
        }
        return keys
    }

    /// The keys of the first object in `"data":[…]`, in the order they appear, at that object's top level.
    static func topLevelKeysOfFirstItem(_ body: String) -> [String] {
        guard let start = body.range(of: "\"data\":[{") else { return [] }
        var keys: [String] = [], depth = 1, inString = false, escaped = false, current = "", expectingKey = true
        for character in body[start.upperBound...] {
            if inString {
                if escaped { escaped = false; current.append(character); continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { inString = false; continue }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case ":": if depth == 1 && expectingKey { keys.append(current); expectingKey = false }
            case ",": if depth == 1 { expectingKey = true }
            case "{", "[": depth += 1
            case "}", "]": depth -= 1; if depth == 0 { return keys }
            default: break
            }
        }
        return keys
    }
}

/// Docs/API.md shows a curl example for every route.
@Suite struct APIDocumentTests {
    @Test func everyRouteHasAnExample() throws {
        let text = try Repository.text("Docs/API.md")
        let commands = text.split(separator: "\n").filter { $0.hasPrefix("$ curl") }
        let paths: [String] = commands.compactMap { line in
            guard let start = line.range(of: "http://127.0.0.1:8080") else { return nil }
            let rest = line[start.upperBound...]
            return String(rest.prefix { $0 != "?" && $0 != "'" && $0 != " " })
        }
        for route in Router.table {
            let pattern = route.path.replacingOccurrences(of: "{id}", with: "[^/]+")
            let covered = paths.contains { $0.range(of: "^" + pattern + "$", options: .regularExpression) != nil }
            #expect(covered, "Docs/API.md has no curl example for \(route.path)")
        }
    }
}

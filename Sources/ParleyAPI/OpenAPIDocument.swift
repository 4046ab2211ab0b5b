import ParleyResources

/// The OpenAPI document served at /openapi.json: Docs/openapi.json, embedded in the binary.
enum OpenAPIDocument {
    static let bytes: [UInt8] = {
        let resource = parley_openapi_document()
        return Array(UnsafeBufferPointer(start: resource.bytes, count: resource.length))
    }()
}

import HTTPServer

/// The version of Parley: `info.version` of the embedded OpenAPI document (Docs/openapi.json), read from it so that
/// `parley --version` and the document a client is generated from can never disagree.
public enum ParleyVersion {
    public static let current: String = {
        guard case let .string(version)? = (try? JSONReader.parse(OpenAPIDocument.bytes))?["info"]?["version"] else {
            return "unknown"
        }
        return version
    }()
}

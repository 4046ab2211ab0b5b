import HTTPServer

/// Starts a real server on a free loopback port; the caller shuts it down.
public func startTestServer(_ adjust: (inout ServerConfiguration) -> Void = { _ in }, stats: ServerStats = ServerStats(),
                            handlerFactory: @escaping @Sendable () throws -> any HTTPHandler) throws -> Server {
    var configuration = ServerConfiguration()
    configuration.port = 0
    configuration.workers = 2
    configuration.quiet = true
    adjust(&configuration)
    let server = Server(configuration: configuration, stats: stats, handlerFactory: handlerFactory)
    try server.start()
    return server
}

import Foundation
import Glibc
import HTTPServer
import Testing

/// The real `parley` binary, run as a subprocess: next to the test bundle (`swift build --build-tests` builds it there),
/// else `.build/debug/parley` under the repository.
enum ParleyBinary {
    static let path: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("parley").path,
            Repository.file(".build/debug/parley").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `parley <arguments>` to completion.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        let binary = try #require(path, "the parley binary is not built (swift build --build-tests)")
        return try runProgram(binary, arguments, stdin: stdin)
    }

    /// Runs any program to completion, without Parley's environment variables, with `stdin` (or nothing) as input.
    static func runProgram(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PARLEY_") }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe never blocks the child.
        let errorReader = Unchecked(err.fileHandleForReading)
        let errorData = Locked(Data())
        let thread = Thread { errorData.withLock { $0 = errorReader.value.readDataToEndOfFile() } }
        thread.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !thread.isFinished { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
    }
}

/// `parley serve` as a subprocess on a free port.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int

    init(database: String, extra: [String] = []) throws {
        let binary = try #require(ParleyBinary.path, "the parley binary is not built (swift build --build-tests)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", "--port", "0", "--database", database, "--quiet", "--workers", "2"] + extra
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PARLEY_") }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil && Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = Int(text[range].split(separator: ":").last ?? "")
            }
        }
        guard let found else {
            process.terminate()
            throw Failure("parley serve did not start: \(text)")
        }
        port = found
    }

    var pid: Int32 { process.processIdentifier }

    func kill(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill(SIGKILL) }
    }
}

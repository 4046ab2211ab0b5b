import Foundation
import Glibc
import HTTPServer
import TestSupport
import Testing

/// Running programs for the command-line tests: the real `parley`, optionally as an unprivileged user (so permission
/// bits apply even when the tests run as root), and mounts (read-only, small tmpfs) where the machine allows them.
enum Command {
    typealias Result = ParleyBinary.Result

    /// `parley <arguments>` as the user `nobody` when running as root (root ignores permission bits), else as is.
    static func parleyUnprivileged(_ arguments: [String]) throws -> Result {
        let binary = try #require(ParleyBinary.path, "the parley binary is not built (swift build --build-tests)")
        if getuid() == 0 {
            return try run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments)
        }
        return try run(binary, arguments)
    }

    /// Can permission bits be tested: not root, or root able to run parley as `nobody`? Probed once; the tests that
    /// need it are skipped (and reported as skipped) where it cannot.
    static let canDropPrivileges: Bool = {
        guard getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        return (try? parleyUnprivileged(["--version"]))?.status == 0
    }()

    /// A C compiler, for the tests that build a shim library.
    static let hasCompiler = FileManager.default.isExecutableFile(atPath: "/usr/bin/cc")

    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        try ParleyBinary.runProgram(executable, arguments)
    }
}

/// `parley serve` started with any arguments (and optionally as `nobody`): its start line, its port, and its standard
/// error collected in a file; or, when it exits instead of listening, its status and standard error.
final class StartedServer: @unchecked Sendable {
    let process: Process
    let startLine: String
    let port: Int
    let errorLog: String

    enum Outcome {
        case listening(StartedServer)
        case exited(status: Int32, stderr: String)
    }

    static func start(_ arguments: [String], unprivileged: Bool = false, environment: [String: String] = [:],
                      errorLog: String) throws -> Outcome {
        let binary = try #require(ParleyBinary.path, "the parley binary is not built (swift build --build-tests)")
        let process = Process()
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "serve"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["serve"] + arguments
        }
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PARLEY_") }
            .merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: errorLog, contents: nil)
        let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorLog))
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on http://") }),
               let range = line.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
               let port = Int(line[range].split(separator: ":").last ?? "") {
                return .listening(StartedServer(process: process, startLine: String(line), port: port, errorLog: errorLog))
            }
        }
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return .exited(status: process.terminationStatus, stderr: (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "")
    }

    private init(process: Process, startLine: String, port: Int, errorLog: String) {
        self.process = process
        self.startLine = startLine
        self.port = port
        self.errorLog = errorLog
    }

    var errors: String { (try? String(contentsOfFile: errorLog, encoding: .utf8)) ?? "" }

    func get(_ target: String) throws -> TestResponse {
        try TestHTTPClient(port: port).request("GET", target)
    }

    /// SIGTERM, then waits for the exit; returns the status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// A mount made for one test and undone when released: a read-only bind mount of a file or directory, or a small
/// tmpfs. Nil (with the reason) where the machine does not allow mounting, for the caller to print and skip.
final class TestMount: @unchecked Sendable {
    let target: String

    /// Whether this machine lets the tests mount (root, and mounting permitted): probed once with a small tmpfs,
    /// unmounted at once. Tests that mount are skipped (and reported as skipped) where it cannot.
    static let isAllowed: Bool = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return tmpfs(at: directory, size: "64k").mount != nil
    }()

    private init(target: String) { self.target = target }

    /// `source` appears read-only at `target` (a directory or an existing file): the kernel refuses every write with
    /// EROFS, whoever asks (root too).
    static func readOnlyBind(_ source: String, at target: String) -> (mount: TestMount?, reason: String) {
        let bind = try? Command.run("/bin/mount", ["--bind", source, target])
        guard let bind, bind.status == 0 else { return (nil, "mount --bind is not permitted here: \(bind?.stderr ?? "no mount")") }
        let mount = TestMount(target: target)
        let remount = try? Command.run("/bin/mount", ["-o", "remount,ro,bind", target])
        guard let remount, remount.status == 0 else { return (nil, "a read-only remount is not permitted here: \(remount?.stderr ?? "")") }
        return (mount, "")
    }

    static func tmpfs(at target: String, size: String) -> (mount: TestMount?, reason: String) {
        let result = try? Command.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", target])
        guard let result, result.status == 0 else { return (nil, "mounting a tmpfs is not permitted here: \(result?.stderr ?? "no mount")") }
        return (TestMount(target: target), "")
    }

    private var mounted = true

    /// Undoes the mount (also done on release); call it before removing the directory that holds it.
    func unmount() {
        guard mounted else { return }
        mounted = false
        _ = try? Command.run("/bin/umount", [target])
    }

    deinit { unmount() }
}

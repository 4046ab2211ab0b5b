import CShim
import Glibc
import HTTPServer
import ParleyAPI
import ParleyStore

enum ParleyCommand {
    static let version = "0.1.0"

    static let usage = """
    parley \(version): an HTTP JSON API of the January 2022 Russia–US, NATO and OSCE negotiations.

    Usage:
      parley serve [--host 127.0.0.1] [--port 8080] [--database ./parley.sqlite] [--workers N]
                   [--max-connections 10000] [--response-cache-mb 8] [--rate-limit N [--rate-burst B]]
                   [--reuse-port] [--read-only] [--quiet]
      parley migrate [--database ./parley.sqlite]
      parley token create --name NAME [--database PATH]   print a new API token (shown once; only its hash is kept)
      parley token list [--database PATH]                 token names, when created and revoked (never the tokens)
      parley token revoke NAME [--database PATH]          the token stops working at once
      parley backup --to FILE [--database PATH]           consistent copy of the database, also while it serves
      parley export [--to FILE|-] [--database PATH]       every record as JSON, in the API's shapes
      parley import FILE|- [--database PATH]              load an export into a database holding only the seed
      parley --help | --version

    Environment: PARLEY_HOST, PARLEY_PORT and PARLEY_DATABASE are the defaults of --host, --port, --database.

    serve options:
      --host HOST             address to listen on (default 127.0.0.1)
      --port PORT             TCP port, 0 for any free one (default 8080)
      --database PATH         SQLite file, created and migrated on first start (default ./parley.sqlite)
      --workers N             event-loop threads (default: one per core)
      --max-connections N     open connections past which new ones get 503 (default 10000)
      --response-cache-mb N   memory for cached encoded responses, 0 turns the cache off (default 8)
      --rate-limit N          at most N requests a second per client address, then 429 (default: off)
      --rate-burst B          requests a client may send at once before the rate applies (default: N)
      --reuse-port            share the port with other parley processes (SO_REUSEPORT)
      --read-only             answer every write (POST, PATCH, DELETE) with 403
      --quiet                 no access log
    """

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            printError("missing command; see 'parley --help'")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "--help", "-h", "help":
                print(usage)
                return 0
            case "--version", "-V", "version":
                print("parley \(version)")
                return 0
            case "serve":
                return try ServeCommand.run(rest)
            case "migrate":
                return try MigrateCommand.run(rest)
            case "token":
                return try TokenCommand.run(rest)
            case "backup":
                return try BackupCommand.run(rest)
            case "export":
                return try ExportCommand.run(rest)
            case "import":
                return try ImportCommand.run(rest)
            default:
                printError("unknown command '\(command)'; see 'parley --help'")
                return 2
            }
        } catch let error as Arguments.UsageError {
            printError(error.description)
            return 2
        } catch let error as StoreError {
            printError(error.description)
            return 1
        } catch {
            printError("\(error)")
            return 1
        }
    }

    static func printError(_ message: String) {
        var line = "parley: \(message)\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}

enum MigrateCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try Arguments(arguments, valued: ["database"], flags: [])
        guard options.positional.isEmpty else { throw Arguments.UsageError(description: "unexpected argument '\(options.positional[0])'") }
        let path = options.string("database", environment: "PARLEY_DATABASE", default: "./parley.sqlite")
        let applied = try Migrator.migrate(databasePath: path)
        print(applied.isEmpty ? "\(path): up to date" : "\(path): applied \(applied.joined(separator: ", "))")
        return 0
    }
}

import CShim
import Glibc
import HTTPServer
import ParleyAPI
import ParleyStore

enum ParleyCommand {
    /// The OpenAPI document's `info.version`, so `--version` and `/openapi.json` agree.
    static var version: String { ParleyVersion.current }

    static var usage: String {
        """
        parley \(version): an HTTP JSON API of the January 2022 Russia–US, NATO and OSCE negotiations.

        Usage:
          parley serve [--host 127.0.0.1] [--port 8080] [--database ./parley.sqlite] [--workers N]
                       [--max-connections 10000] [--response-cache-mb 8] [--rate-limit N [--rate-burst B]]
                       [--reuse-port] [--read-only] [--quiet]
                       [--node-address HOST:PORT --node-dir DIR [--join HOST:PORT,...]]
          parley migrate [--database ./parley.sqlite]
        \(Usage.tokenLines)
          parley backup --to FILE [--database PATH]           consistent copy of the database, also while it serves
          parley export [--to FILE|-] [--database PATH]       every record as JSON, in the API's shapes
          parley cluster members|remove ADDRESS --cluster A:P  a running cluster's members; remove one (issue 11)
          parley import FILE|- [--database PATH]              load an export into a database holding only the seed
          parley COMMAND --help                               one command's usage
          parley --help | --version

        Only serve and migrate create a database; the other commands need an existing one. token, backup and export
        take --cluster A:P[,A:P] instead of --database to work on a running cluster (any members' node addresses).
        Environment: PARLEY_HOST, PARLEY_PORT and PARLEY_DATABASE are the defaults of --host, --port, --database.

        serve options:
        \(Usage.serveOptions)
        """
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            printError("missing command; see 'parley --help'")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h"), let text = Usage.of(command) {
            print(text)
            return 0
        }
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
            case "cluster":
                return try ClusterCommand.run(rest)
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
        let applied = try Migrator.migrate(databasePath: path, bodies: MeetingBodies.shared)
        print(applied.isEmpty ? "\(path): up to date" : "\(path): applied \(applied.joined(separator: ", "))")
        return 0
    }
}

/// Each command's usage, printed by `parley COMMAND --help` (exit 0).
enum Usage {
    static func of(_ command: String) -> String? {
        switch command {
        case "serve": serve
        case "migrate": migrate
        case "token": token
        case "backup": backup
        case "export": export
        case "import": `import`
        case "cluster": cluster
        default: nil
        }
    }

    static let serveOptions = """
          --host HOST             address to listen on (default 127.0.0.1; PARLEY_HOST)
          --port PORT             TCP port, 0 for any free one (default 8080; PARLEY_PORT)
          --database PATH         SQLite file, created and migrated on first start (default ./parley.sqlite; PARLEY_DATABASE)
          --workers N             event-loop threads (default: one per core)
          --max-connections N     open connections past which new ones get 503 (default 10000)
          --response-cache-mb N   memory for cached encoded responses, 0 turns the cache off (default 8)
          --rate-limit N          at most N requests a second per client address, then 429 (default: off)
          --rate-burst B          requests a client may send at once before the rate applies (default: N)
          --reuse-port            share the port with other parley processes (SO_REUSEPORT)
          --read-only             answer every write (POST, PATCH, DELETE) with 403 and never write the file:
                                  serves a read-only file or directory (a shipped copy); the database must exist
          --quiet                 no access log
          --node-address A:P      run as a member of a cluster (dqlite/Raft) at this address; writes go through its
                                  leader, reads stay on the local file, which follows the cluster (Docs/CLUSTER.md)
          --node-dir DIR          the node's Raft data and id (needed with --node-address); restarted on the same
                                  directory, the node rejoins by itself
          --join A:P,A:P          existing members to join through; without it the node starts a new cluster with
                                  its database as the first state
        """

    static let serve = """
        Usage: parley serve [--host 127.0.0.1] [--port 8080] [--database ./parley.sqlite] [--workers N]
                            [--max-connections 10000] [--response-cache-mb 8] [--rate-limit N [--rate-burst B]]
                            [--reuse-port] [--read-only] [--quiet]
                            [--node-address HOST:PORT --node-dir DIR [--join HOST:PORT,...]]

        Serves the API until SIGTERM or SIGINT (then finishes the responses in flight and exits 0). Creates the
        database and applies pending migrations on start, except with --read-only. Prints one line once listening:
        the address, the database file and its data version.

        Options:
        \(serveOptions)
        """

    static let migrate = """
        Usage: parley migrate [--database ./parley.sqlite]

        Creates the database when it is missing (seeded with the article's records) and applies pending migrations;
        prints which. Safe to run while a server uses the file.
        """

    static let tokenLines = """
          parley token create --name NAME [--database PATH]   print a new API token (shown once; only its hash is kept)
          parley token list [--database PATH]                 token names, when created and revoked (never the tokens)
          parley token revoke NAME [--database PATH]          the token stops working at once
        """

    static let token = """
        Usage:
        \(tokenLines)

        Tokens authorise writes (Authorization: Bearer <token>). create prints the token alone on standard output, so
        TOKEN=$(parley token create --name NAME) captures it. The database must exist (parley serve or parley migrate
        creates it); --database defaults to ./parley.sqlite (PARLEY_DATABASE). With --cluster A:P[,A:P] (any members'
        node addresses, instead of --database) the token is made, listed or revoked in a running cluster, on every node.
        """

    static let backup = """
        Usage: parley backup --to FILE [--database ./parley.sqlite]

        Writes a consistent copy of the database to FILE, which must not exist, also while a server writes to it. The
        copy is one self-contained file (no -wal), fit to ship to replicas served with parley serve --read-only.
        With --cluster A:P[,A:P] instead of --database: the cluster's database as its leader holds it, as a plain
        Parley file (served alone, or the first node of a new cluster).
        """

    static let export = """
        Usage: parley export [--to FILE|-] [--database ./parley.sqlite]

        Writes every record as JSON, in the API's shapes, to FILE (replaced whole) or standard output (the default).
        The database must exist. With --cluster A:P[,A:P] instead of --database: a running cluster's records.
        """

    static let cluster = """
        Usage:
          parley cluster members --cluster A:P[,A:P]          each member's id, node address and role
          parley cluster remove ADDRESS --cluster A:P[,A:P]   take a member out of the Raft configuration

        A stopped node stays a voter, and counts toward the quorum, until it is removed. --cluster names any members'
        node addresses (--node-address of parley serve); the change goes through the leader. See Docs/CLUSTER.md.
        """

    static let `import` = """
        Usage: parley import FILE|- [--database ./parley.sqlite]

        Loads an export (from FILE, or standard input for -) into a database that holds only the seed, replacing the
        seed's records; every record is validated as the write API would, and a file with any error, or lacking a
        collection, imports nothing. The database must exist: create it with parley migrate --database PATH.
        """
}

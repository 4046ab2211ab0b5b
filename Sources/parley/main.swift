// The parley command: serve, migrate, and the operations around them.
// Kept to argument handling; the work lives in Commands.swift and the libraries.
import Glibc

let exitCode = ParleyCommand.run(Array(CommandLine.arguments.dropFirst()))
exit(exitCode)

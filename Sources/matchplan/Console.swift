import ArgumentParser
import Foundation
import MatchPlanPipeline

/// Standard output and standard error for the CLI, written so that a stream that cannot be
/// written (`> /dev/full`, a closed descriptor, a reader that went away with SIGPIPE ignored)
/// gives one error line and exit 73 (output cannot be written) instead of a crash or a lost
/// line with exit 0.
enum Console {
    /// Whether descriptor 1 was closed when the process started (`>&-`). It is then pointed at
    /// /dev/null, so no file the run opens can take its number and receive the output, and
    /// every write to standard output fails as the closed stream would have.
    nonisolated(unsafe) private static var standardOutputClosed = false

    /// Call once before anything is opened: occupies a closed descriptor 1 (see above) and 2.
    static func guardStandardStreams() {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let null = open("/dev/null", O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
            if descriptor == STDOUT_FILENO { standardOutputClosed = true }
        }
    }

    /// Writes `text` to standard output.
    /// - Throws: `ExitCode` 73 after printing one error line when standard output cannot be written.
    static func out(_ text: String) throws {
        do {
            guard !standardOutputClosed else { throw POSIXError(.EBADF) }
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            err("matchplan: error: cannot write to standard output: \(reason(error))\n")
            throw ExitCode(MatchPlanError.Kind.cannotCreate.exitCode)
        }
    }

    /// Writes `text` to standard error; a failure there has nowhere left to be reported, so it
    /// is ignored (never a crash).
    static func err(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// The system's words for a write failure ("No space left on device").
    private static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}

/// The running binary's real path (links resolved: `/proc/self/exe` on Linux), so a
/// `matchplan` linked onto `PATH` still finds `Content/` and `Templates/` above its real
/// location; `argv[0]` is only `matchplan` when the shell found it on `PATH`.
func runningBinaryPath() -> String {
    Bundle.main.executablePath ?? CommandLine.arguments[0]
}

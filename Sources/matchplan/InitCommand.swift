import ArgumentParser
import Foundation
import MatchPlanPipeline

/// `matchplan init [FILE]`: starts a profile. On a terminal (standard input and output both
/// terminals) it asks the handful of questions that decide the plan (``ProfileInterview``);
/// otherwise it writes the commented template with today's defaults. Either way the file is
/// ``ProfileStarter``'s commented YAML, checked with the profile loader before it is written,
/// and written whole or not at all; an existing file is kept unless `--force`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a profile: ask the questions that decide the plan on a terminal, or write a commented template.",
        discussion: """
        Examples:
          matchplan init                 # asks, then writes profile.yaml
          matchplan init me.yaml --force # replaces me.yaml
          matchplan init < /dev/null     # no terminal: writes the commented template
        """
    )

    @Argument(help: ArgumentHelp("The profile to write.", valueName: "file"))
    var file: String = "profile.yaml"

    @Flag(name: .long, help: "Replace the file if it exists.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("The date the defaults are computed from (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        try exitOnFailure {
            let day: CalendarDate
            if let today {
                guard let date = CalendarDate(iso: today) else {
                    throw ValidationError("--today expects a real date as YYYY-MM-DD, for example 2026-09-01; got '\(today)'")
                }
                day = date
            } else {
                day = CalendarDate(Date(), in: .current)
            }
            if !force, FileManager.default.fileExists(atPath: file) || (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) != nil {
                throw MatchPlanError(.cannotCreate, file: file, "already exists; keeping it (use --force to replace it)")
            }
            let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
            var answers = ProfileStarter.Answers.defaults(today: day)
            if interactive {
                try Console.out("A few questions decide your plan. Press Enter to keep the answer in brackets.\n")
                let interview = ProfileInterview(today: day, read: { prompt in
                    try? Console.out(prompt)
                    return readLine(strippingNewline: true)
                }, say: { try? Console.out($0 + "\n") })
                do {
                    answers = try interview.run()
                } catch is ProfileInterview.Ended {
                    Console.err("\nmatchplan: init stopped before the last question; nothing written\n")
                    throw ExitCode(MatchPlanError.Kind.usage.exitCode)
                }
            }
            let text = ProfileStarter.yaml(answers, today: day, fileName: (file as NSString).lastPathComponent)
            // The starter must always load; a failure here is MatchPlan's own bug.
            do {
                _ = try ProfileLoader(scoreScale: 1...300, checklistIDs: []).parse(SourceText(path: file, text: text))
            } catch {
                throw MatchPlanError(.internalError, file: file, "the starting profile does not load (\(error)); please report this")
            }
            try Self.write(text, to: file, replacing: force)
            let what = interactive ? "with your answers" : "a commented template to fill in (no terminal, so no questions)"
            try Console.out("""
            wrote \(file): \(what)
            next: matchplan check \(file)
                  matchplan report \(file) --out my-report/

            """)
        }
    }

    /// Writes beside the target and moves into place: a new file is linked (so one that
    /// appeared meanwhile is never replaced), an existing one renamed over with `--force`.
    static func write(_ text: String, to path: String, replacing: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let staging = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(".matchplan-init-\(getpid()).yaml")
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: staging), options: .withoutOverwriting)
        } catch {
            throw MatchPlanError(.cannotCreate, file: path, "cannot be written (\((error as NSError).localizedDescription))")
        }
        defer { unlink(staging) }
        let moved = replacing ? rename(staging, path) : link(staging, path)
        guard moved == 0 else {
            let reason = errno == EEXIST ? "already exists; keeping it (use --force to replace it)" : "cannot be written (\(String(cString: strerror(errno))))"
            throw MatchPlanError(.cannotCreate, file: path, reason)
        }
    }
}

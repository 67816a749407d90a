import ArgumentParser
import Foundation
import MatchPlanPipeline

/// `matchplan`: personal Interventional Radiology application strategy reports.
@main
struct MatchPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matchplan",
        abstract: "Turn an applicant profile into a personal IR residency application strategy.",
        discussion: """
        Exit codes: 0 success, 64 bad usage, 65 bad input data, 66 input not found, \
        73 output cannot be written, 70 internal error.
        """,
        version: MatchPlanVersion.current,
        subcommands: [ReportCommand.self, PlanCommand.self, SiteCommand.self, ServeCommand.self, CheckCommand.self, InitCommand.self]
    )

    /// Guards the standard streams (``Console``), then parses and runs as usual.
    static func main() {
        Console.guardStandardStreams()
        main(nil)
    }
}

/// Options shared by the subcommands.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Guidance content folder (rules.yaml, cycles/, guidance/).", valueName: "dir"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("The date that decides what is past, due or overdue (default: today).", valueName: "YYYY-MM-DD"))
    var today: String?

    func todayDate() throws -> CalendarDate {
        guard let today else { return CalendarDate(Date(), in: .current) }
        guard let date = CalendarDate(iso: today) else {
            throw ValidationError("--today expects a real date as YYYY-MM-DD, for example 2026-09-01; got '\(today)'")
        }
        return date
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a personal strategy report (HTML and Markdown) for one profile.",
        discussion: """
        Examples:
          matchplan report my-profile.yaml --out my-report/
          # writes my-report/report.html and my-report/report.md

          matchplan report --roster students.csv --out reports/
          # reports/<id>.html and reports/<id>.md per student (named by the id column)
          # and reports/index.html
        """
    )

    @Argument(help: ArgumentHelp("The applicant profile (YAML or JSON).", valueName: "profile"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("A class roster: a CSV file or a folder of profiles (instead of one profile).", valueName: "file-or-dir"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String = "matchplan-report"

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: html, md, ics (calendar), json (the plan), csv (a roster's summary.csv). Default: html,md,ics; a roster html,md,csv.", valueName: "list"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Template overrides, file by file over the project's Templates/.", valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Open the general guidance in report.html, so printing prints all of it (by default it is collapsed and not printed).")
    var printGuidance = false

    @Option(name: .long, help: ArgumentHelp("Your own program list (CSV, see Content/profiles/example-programs.csv), audited against the plan.", valueName: "file"))
    var programs: String?

    @OptionGroup var input: InputOptions

    func formats() throws -> [ReportFormat] {
        let chosen = try format.map(parseFormats) ?? (roster == nil ? ReportFormat.allCases : ReportFormat.rosterDefaults)
        return printGuidance ? chosen.map { $0 == .html ? .htmlWithGuidanceOpen : $0 } : chosen
    }

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out expects a folder name; got an empty one") }
        _ = try formats()
        _ = try input.todayDate()
        guard (profile == nil) != (roster == nil) else {
            throw ValidationError("give either one profile or --roster FILE-OR-DIR, not both or neither")
        }
        if programs != nil, roster != nil { throw ValidationError("--programs goes with one profile; in a roster, give each student's list in the programs column") }
    }

    func run() throws {
        try exitOnFailure {
            let (paths, overrides) = try reportPaths(content: input.content, templates: templates)
            var workspace = try Workspace.load(paths: paths, needsRendering: true, templateOverrides: overrides, overview: roster != nil)
            workspace.programsPath = programs
            if let roster {
                try runRoster(roster, workspace: workspace)
                return
            }
            let written = try workspace.report(profilePath: profile!, formats: try formats(), outputFolder: out, today: try input.todayDate())
            for path in written { try Console.out("wrote \(path)\n") }
        }
    }

    private func runRoster(_ roster: String, workspace: Workspace) throws {
        let started = Date()
        let terminal = isatty(STDERR_FILENO) == 1
        let build = RosterBuild(workspace: workspace, formats: try formats(), today: try input.todayDate())
        let outcome = try build.run(rosterPath: roster, outputFolder: out) { done, total in
            guard terminal else { return }
            let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
            Console.err("\r\(done)\(total.map { "/\($0)" } ?? "") students · \(elapsed) s")
        }
        if terminal { Console.err("\n") }
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
        let count = outcome.written.count
        try Console.out("wrote \(count) \(count == 1 ? "report" : "reports") and index.html to \(out) in \(elapsed) s\n")
        let overdue = outcome.withOverdueItems
        try Console.out("\(overdue) of \(count) \(count == 1 ? "student has" : "students have") overdue items on \(try input.todayDate())\n")
        guard !outcome.failed.isEmpty else { return }
        var message = "\(outcome.failed.count) of \(outcome.written.count + outcome.failed.count) profiles failed:\n"
        for student in outcome.failed { message += "  \(student.failureLine ?? "")\n" }
        Console.err(message)
        throw ExitCode(MatchPlanError.Kind.data.exitCode)
    }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the computed strategy plan for one profile as JSON.",
        discussion: """
        Example:
          matchplan plan my-profile.yaml --today 2026-05-01 > plan.json
        """
    )

    @Argument(help: ArgumentHelp("The applicant profile (YAML or JSON).", valueName: "profile"))
    var profile: String

    @Option(name: .long, help: ArgumentHelp("Your own program list (CSV, see Content/profiles/example-programs.csv), audited against the plan.", valueName: "file"))
    var programs: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        _ = try input.todayDate()
    }

    func run() throws {
        try exitOnFailure {
            let paths = try ProjectPaths.resolve(content: input.content, templates: nil, executablePath: runningBinaryPath())
            var workspace = try Workspace.load(paths: paths, needsRendering: false)
            workspace.programsPath = programs
            let (plan, _) = try workspace.plan(profilePath: profile, today: try input.todayDate())
            try Console.out(try PlanJSON.encode(plan))
        }
    }
}

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Publish a school's IR advising site from the guidance content.",
        discussion: """
        Example:
          matchplan site --config site.yaml --out public/

        Template lookup (later wins, file by file): the built-in Templates/, the folder named by \
        templates: in site.yaml, then --templates. Content pages named by content: in site.yaml \
        replace built-in guidance files with the same path under guidance/.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site configuration (see Content/site/site.yaml).", valueName: "file"))
    var config: String

    @Option(name: .long, help: ArgumentHelp("Output folder; rebuilt as a whole when the build succeeds (files you added are kept).", valueName: "dir"))
    var out: String = "public"

    @Option(name: .long, help: ArgumentHelp("Template overrides, over the built-in set.", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Guidance content folder (rules.yaml, cycles/, guidance/).", valueName: "dir"))
    var content: String?

    func validate() throws {
        guard !out.isEmpty else { throw ValidationError("--out expects a folder name; got an empty one") }
    }

    func run() throws {
        try exitOnFailure {
            let (paths, overrides) = try reportPaths(content: content, templates: templates)
            var build = SiteBuild(paths: paths, configPath: config, templateOverrides: overrides)
            build.onNotice = { Console.err("matchplan: note: \($0)\n") }
            let written = try build.run(outputFolder: out)
            try Console.out("wrote \(written.count) files to \(out)\n")
        }
    }
}

/// The formats named by `--format` (comma-separated, `markdown` for `md`), in order, once each.
/// - Throws: `ValidationError` (exit 64) naming the known formats.
func parseFormats(_ text: String) throws -> [ReportFormat] {
    let expected = "\(ReportFormat.known.map(\.name).joined(separator: ", ")) or several as html,md"
    var result: [ReportFormat] = []
    for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
        guard let value = ReportFormat(rawValue: word == "markdown" ? "md" : word) else {
            throw ValidationError("--format expects \(expected); got '\(word)'")
        }
        if !result.contains(value) { result.append(value) }
    }
    guard !result.isEmpty else { throw ValidationError("--format expects \(expected); got an empty list") }
    return result
}

/// Prints a ``MatchPlanError`` as `matchplan: error: …` and exits with its code.
func exitOnFailure(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as MatchPlanError {
        Console.err("matchplan: error: \(error)\n")
        throw ExitCode(error.kind.exitCode)
    }
}

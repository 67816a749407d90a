import Foundation
import MatchPlanFileSystem
import MatchPlanModel

/// Reads a site's logo for publishing: a regular file inside the folder it was named from
/// (``SafeFile``), at most ``maximumBytes``, and, for `.svg`, one that cannot run code
/// (``SVGSafety``).
public enum LogoFile {
    /// Largest logo accepted, in bytes (2 MiB; a logo is a few KB).
    public static let maximumBytes = 2 * 1024 * 1024

    /// The folder the logo path was named from: the folder of `site.yaml` for a relative value,
    /// the logo's own folder for an absolute one.
    public static func folder(for logo: String, value: String, configPath: String) -> String {
        if value.hasPrefix("/") { return (logo as NSString).deletingLastPathComponent }
        let base = (configPath as NSString).deletingLastPathComponent
        return base.isEmpty ? "." : base
    }

    /// The logo's bytes, checked.
    /// - Throws: ``MatchPlanError`` `.data` for a link leaving `folder`, a device, FIFO or
    ///   `/proc` file, an oversize file or an SVG that could run code; `.noInput` when missing.
    /// - Parameter io: how the file is read (``FileIO/disk``, or in memory for tests).
    public static func load(_ path: String, inside folder: String, io: FileIO = .disk) throws -> Data {
        let data = try io.data(path, folder, maximumBytes)
        if (path as NSString).pathExtension.lowercased() == "svg" { try SVGSafety.check(data, path: path) }
        return data
    }
}

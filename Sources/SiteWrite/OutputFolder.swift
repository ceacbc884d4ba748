import Foundation
import SiteModel
import SiteSupport

/// Updates an output folder in place, file by file, for the preview server's private
/// folder. Each file is written beside itself and renamed over the old one, so a request
/// served at the same moment reads either the old or the new file, never half of one.
public enum OutputFolder {
  public static func update(
    _ folder: URL, write files: [OutputFile], remove: [String], displayPath: String
  ) throws(DiagnosticsError) {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var staged: [(temporary: String, final: String)] = []
      let writer = FileTreeWriter(root: folder)
      let suffix = ".igfsite-\(UUID().uuidString)"
      // Two halves of about equal size written at once: a preview edit rewrites tens of
      // megabytes of site-wide files.
      var halves: [[OutputFile]] = [[], []]
      var sizes = [0, 0]
      for file in files.sorted(by: { $0.byteCount > $1.byteCount }) {
        let half = sizes[0] <= sizes[1] ? 0 : 1
        halves[half].append(OutputFile(path: file.path + suffix, contents: file.contents))
        sizes[half] += file.byteCount
      }
      let failures = Parallel.map(halves, jobs: nil) { half in Result { try writer.write(half) } }
      for case .failure(let error) in failures { throw error }
      staged = files.map { (folder.path + "/" + $0.path + suffix, folder.path + "/" + $0.path) }
      for (temporary, final) in staged where rename(temporary, final) != 0 {
        throw FileTreeWriter.WriteError(path: final, code: errno)
      }
      for path in remove {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
      }
    } catch {
      throw StagedOutput.failure("cannot update the preview: \(StagedOutput.describe(error))", displayPath)
    }
  }
}

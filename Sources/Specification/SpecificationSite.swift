import Foundation
import LegalText
import Toetssteen

/// Writes the specification site: `index.html`, and per law version `<code>-<geldig vanaf>.html`
/// and `.md`. Every file is written atomically.
public enum SpecificationSite {
  /// The pages for every regulation document the engine compiled (the household data model included).
  public static func pages(engine: Engine) -> [LawPage] {
    engine.documents
      .sorted { ($0.header.code, $0.header.validFrom) < ($1.header.code, $1.header.validFrom) }
      .map { LawPage(document: $0, engine: engine) }
  }

  /// Writes `pages` under `directory`; returns the paths written.
  public static func write(_ pages: [LawPage], to directory: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var written: [String] = []
    for p in pages {
      let html = "\(directory)/\(p.fileName).html"
      try AtomicFile.write(SpecHTML.page(p, all: pages), to: html)
      let md = "\(directory)/\(p.fileName).md"
      try AtomicFile.write(SpecMarkdown.page(p), to: md)
      written += [html, md]
    }
    let index = "\(directory)/index.html"
    try AtomicFile.write(SpecHTML.index(pages), to: index)
    return written + [index]
  }
}

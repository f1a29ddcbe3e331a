import ExactArithmetic

/// Where a rule, value or diagnostic comes from in the law: wet, artikel, lid and onderdeel of one
/// version (toestand) of a regulation.
///
/// A citation renders three ways: for people (`Wet op de zorgtoeslag, artikel 2, lid 3`), as a
/// Juriconnect 1.3 identifier (`jci1.3:c:BWBR0018451&artikel=2&lid=3&z=2025-01-01&g=2025-01-01`) and as
/// a link to the consolidated text on wetten.overheid.nl.
public struct Citation: Sendable, Hashable, Codable {
  /// BWB identifier of the regulation, e.g. `BWBR0018451`.
  public var bwb: String
  /// Citeertitel, e.g. `Wet op de zorgtoeslag`.
  public var title: String
  /// Short title used in compact output, e.g. `Wzt`.
  public var shortTitle: String
  public var artikel: String?
  public var lid: String?
  public var onderdeel: String?
  /// The date of the consolidated version (toestand) the text was taken from.
  public var version: CivilDate?

  public init(
    bwb: String, title: String, shortTitle: String, artikel: String? = nil, lid: String? = nil,
    onderdeel: String? = nil, version: CivilDate? = nil
  ) {
    self.bwb = bwb
    self.title = title
    self.shortTitle = shortTitle
    self.artikel = artikel
    self.lid = lid
    self.onderdeel = onderdeel
    self.version = version
  }

  /// `Wet op de zorgtoeslag, artikel 2, lid 3, onderdeel f`.
  public var text: String {
    var parts = [title]
    if let artikel { parts.append("artikel \(artikel)") }
    if let lid { parts.append("lid \(lid)") }
    if let onderdeel { parts.append("onderdeel \(onderdeel)") }
    return parts.joined(separator: ", ")
  }

  /// `Wzt art. 2 lid 3 onder f`.
  public var short: String {
    var s = shortTitle
    if let artikel { s += " art. \(artikel)" }
    if let lid { s += " lid \(lid)" }
    if let onderdeel { s += " onder \(onderdeel)" }
    return s
  }

  /// The Juriconnect 1.3 identifier; `z` and `g` carry the version date.
  public var jci: String {
    var s = "jci1.3:c:\(bwb)"
    if let artikel { s += "&artikel=\(artikel)" }
    if let lid { s += "&lid=\(lid)" }
    if let onderdeel { s += "&onderdeel=\(onderdeel)" }
    if let version { s += "&z=\(version.iso)&g=\(version.iso)" }
    return s
  }

  /// The consolidated text on wetten.overheid.nl, at the article where there is one.
  public var url: String {
    var s = "https://wetten.overheid.nl/\(bwb)"
    if let version { s += "/\(version.iso)" }
    if let artikel { s += "#Artikel\(artikel)" }
    return s
  }

  /// The same citation narrowed to the whole article (no lid or onderdeel).
  public var article: Citation {
    Citation(bwb: bwb, title: title, shortTitle: shortTitle, artikel: artikel, version: version)
  }

  /// Whether `self` lies within `other` (same regulation and version; article, lid, onderdeel equal
  /// where `other` names them).
  public func isWithin(_ other: Citation) -> Bool {
    guard bwb == other.bwb else { return false }
    if let a = other.artikel, a != artikel { return false }
    if let l = other.lid, l != lid { return false }
    if let o = other.onderdeel, o != onderdeel { return false }
    return true
  }
}

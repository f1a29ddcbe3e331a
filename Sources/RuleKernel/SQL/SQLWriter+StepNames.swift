import RuleIR

extension SQLWriter {
  /// The name of a step after the rule most of its instructions compute
  /// (`huishouden_stap_23_zorgtoeslag_normpremie`), and a comment line above it naming every
  /// definition the step computes part of, with its article. The number keeps names unique and in
  /// order; the rule's name tells a reader where to look in the law.
  func named(_ base: String, _ chunk: ArraySlice<Int>) -> (name: String, comment: String) {
    var counts: [Int32: Int] = [:]
    var order: [Int32] = []
    for k in chunk {
      let origin = program.instructions[k].origin
      guard origin >= 0, Int(origin) < program.origins.count else { continue }
      if counts[origin] == nil { order.append(origin) }
      counts[origin, default: 0] += 1
    }
    // The definition with the most instructions in the step; the first of them on a tie.
    guard let main = order.max(by: { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && $0 > $1) }) else {
      return (base, "")
    }
    let name = base + "_" + Self.identifier(program.origins[Int(main)].symbol)
    let shown = order.prefix(Self.originsInComment).map { o -> String in
      let origin = program.origins[Int(o)]
      return origin.article.isEmpty ? origin.symbol : "\(origin.symbol) (\(Self.commentSafe(origin.article)))"
    }
    let more = order.count > Self.originsInComment ? "; en \(order.count - Self.originsInComment) andere" : ""
    return (name, "-- \(name): \(shown.joined(separator: "; "))\(more)\n")
  }

  /// At most this many definitions are named in a step's comment.
  static let originsInComment = 6

  /// A symbol as part of an SQL identifier: lower-case letters, digits and single underscores, at
  /// most 48 characters (a rule name such as `zorgtoeslag.normpremie` becomes `zorgtoeslag_normpremie`).
  static func identifier(_ symbol: String) -> String {
    var out = ""
    for scalar in symbol.lowercased().unicodeScalars {
      switch scalar {
      case "a"..."z", "0"..."9": out.unicodeScalars.append(scalar)
      case "à", "á", "â", "ä": out += "a"
      case "è", "é", "ê", "ë": out += "e"
      case "ì", "í", "î", "ï": out += "i"
      case "ò", "ó", "ô", "ö": out += "o"
      case "ù", "ú", "û", "ü": out += "u"
      default: if !out.hasSuffix("_") && !out.isEmpty { out += "_" }
      }
    }
    var name = String(out.prefix(48))
    while name.hasSuffix("_") { name.removeLast() }
    return name
  }

  /// Text that stays inside a `--` comment: no line breaks.
  static func commentSafe(_ text: String) -> String {
    String(text.map { $0.isNewline ? " " : $0 })
  }
}

/// Suggestions for misspelled names, as compilers give them: "bedoelt u 'normpremie'?".
public enum Spelling {
  /// Levenshtein distance between two strings, counted in characters.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  /// The candidate closest to `name`, if it is close enough to be a likely typo (at most a third of
  /// the name's length, and at most 3 edits).
  public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let limit = min(3, max(1, name.count / 3))
    var best: (String, Int)?
    for c in candidates {
      let d = distance(name.lowercased(), c.lowercased())
      if d <= limit, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }
}

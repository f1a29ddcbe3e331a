import ExactArithmetic

/// Suggestions for misspelled names, as compilers give them: "bedoelt u 'normpremie'?".
public enum Spelling {
  /// Edit distance between two strings, counted in characters: insertions, deletions, substitutions
  /// and swaps of two neighbouring characters (`grnes` → `grens` is one edit).
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }

  /// The candidate closest to `name`, if it is close enough to be a likely typo (at most a third of
  /// the name's length, and at most 3 edits).
  public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let limit = min(3, max(1, name.count / 3))
    var best: (String, Int)?
    for c in candidates {
      // Names whose lengths differ by more than the limit are further apart than it: skip the table.
      guard abs(c.count - name.count) <= limit else { continue }
      let d = distance(name.lowercased(), c.lowercased())
      if d <= limit, best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
  }

  /// A name from the user's input as a message repeats it: whole up to `limit` characters, else its
  /// start and how long it was, so a name of 200.000 characters does not fill the terminal.
  public static func echo(_ name: String, limit: Int = 80) -> String {
    guard name.count > limit else { return name }
    return "\(name.prefix(limit))… (\(DutchFormat.groupThousands(String(name.count))) tekens)"
  }
}

/// The Dutch spellings of long flags that earlier versions introduced, accepted as aliases of the
/// English names the integration contract fixes (`--uit` is `--output`).
///
/// The aliases are rewritten before the arguments are parsed, so they work in every subcommand without
/// appearing in `--help`: the help teaches one convention, old scripts keep running.
enum FlagAliases {
  /// Dutch spelling → English flag.
  static let dutch: [String: String] = [
    "--uit": "--output",
    "--regelingen": "--regulations",
    "--steekproef": "--sample",
    "--personen-csv": "--persons-csv",
    "--validatie": "--validation",
    "--zonder-voorbeelden": "--skip-examples",
    "--dekking": "--coverage",
    "--disconteringsvoet": "--discount-rate",
    "--instandhouding": "--upkeep",
  ]

  /// The arguments with every alias (also in the form `--uit=map`) replaced by its English flag.
  /// Nothing after `--` is touched: there, arguments are values.
  static func rewrite(_ arguments: [String]) -> [String] {
    var result: [String] = []
    result.reserveCapacity(arguments.count)
    var literal = false
    for argument in arguments {
      if literal || !argument.hasPrefix("--") {
        result.append(argument)
        continue
      }
      if argument == "--" {
        literal = true
        result.append(argument)
        continue
      }
      let name = argument.prefix { $0 != "=" }
      if let english = dutch[String(name)] {
        result.append(english + argument.dropFirst(name.count))
      } else {
        result.append(argument)
      }
    }
    return result
  }
}

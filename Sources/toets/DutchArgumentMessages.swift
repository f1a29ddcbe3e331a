import ArgumentParser
import Foundation

/// The argument parser's own words in Dutch: its error messages ("Missing expected argument …"), the
/// lines around them and the headings of `--help`. The options, values and texts of toets itself are
/// left as they are; exit codes are the parser's (64 for a usage error, 0 for help).
enum DutchArgumentMessages {
  /// Whole-line prefixes and the fixed phrases of the parser, English → Dutch, applied in order.
  static let phrases: [(String, String)] = [
    ("Error: Missing expected argument ", "Fout: dit argument ontbreekt: "),
    ("Error: Missing value for ", "Fout: geen waarde gegeven voor "),
    ("Error: Unknown option ", "Fout: onbekende optie "),
    ("Error: Unexpected argument ", "Fout: onverwacht argument "),
    ("Error: Unexpected arguments ", "Fout: onverwachte argumenten "),
    ("Error: The value ", "Fout: de waarde "),
    (" is invalid for ", " is ongeldig voor "),
    ("Error: ", "Fout: "),
    (". Did you mean ", ". Bedoelt u "),
    ("Help:  ", "Uitleg:  "),
    ("Usage: ", "Gebruik: "),
    ("OVERVIEW: ", "OVERZICHT: "),
    ("USAGE: ", "GEBRUIK: "),
    ("ARGUMENTS:", "ARGUMENTEN:"),
    ("OPTIONS:", "OPTIES:"),
    ("SUBCOMMANDS:", "OPDRACHTEN:"),
    ("Show help information.", "Toon deze uitleg."),
    ("Show the version.", "Toon de versie."),
    ("(default: ", "(standaard: "),
    ("(values: ", "(waarden: "),
    ("See 'toets help <subcommand>' for detailed help.", "Zie 'toets help <opdracht>' voor de uitleg van een opdracht."),
    (" for more information.", " voor meer uitleg."),
    ("  See '", "  Zie '"),
    ("[<options>]", "[<opties>]"),
    ("<subcommand>", "<opdracht>"),
  ]

  /// `text` with the parser's phrases in Dutch.
  static func translate(_ text: String) -> String {
    phrases.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
  }

  /// Ends toets for `error` as the parser would (`exit(withError:)`), with its message in Dutch:
  /// help on standard output with status 0, anything else on standard error with the parser's status.
  static func exit(with error: any Error, command: any ParsableCommand.Type) -> Never {
    let code = command.exitCode(for: error)
    let message = translate(command.fullMessage(for: error))
    if !message.isEmpty {
      if code == .success {
        print(message)
      } else {
        Terminal.error(message)
      }
    }
    Foundation.exit(code.rawValue)
  }
}

import Analyses
import ArgumentParser
import ExactArithmetic
import Toetssteen

/// `--variant` as every command that takes it reads it: a file that cannot be read or compiled stops
/// toets with the message and exit status 2.
enum VariantLoading {
  /// The variant at `path`, or nil without `--variant`.
  static func load(_ path: String?) throws -> Variant? {
    guard let path else { return nil }
    do { return try Variant.load(path: RegulationLocator.existing(path)) } catch let error as VariantLoadError {
      Terminal.error("fout: \(error)")
      throw ExitCode(2)
    }
  }

  /// The rules of `variant` on `date`, on top of `base`.
  static func engine(_ variant: Variant, directory: String, date: CivilDate, base: Engine) throws -> Engine {
    do { return try variant.engine(directory: directory, date: date, base: base) } catch {
      Terminal.error("fout: \(error)")
      throw ExitCode(2)
    }
  }
}

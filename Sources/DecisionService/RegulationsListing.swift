#if Beslisservice
import HouseholdModel
import LegalText
import RuleIR
import Toetssteen

/// `GET /v1/regulations`: every law with its versions, their validity, source, articles and outputs.
enum RegulationsListing {
  static func json(_ engine: Engine) -> JSONValue {
    let program = engine.program
    let laws: [JSONValue] = program.laws.sorted(by: { $0.key < $1.key }).map { code, versions in
      return .ordered([
        ("code", .string(code)), ("titel", .string(versions[0].title)), ("citeertitel", .string(versions[0].shortTitle)),
        ("bwb", .string(versions[0].bwb)),
        ("versies", .array(versions.map { v in
          let document = engine.documents.first { $0.file.path == v.path }
          return .ordered([
            ("geldigVanaf", .string(v.validFrom.iso)), ("geldigTot", v.validUntil.map { .string($0.iso) } ?? .null),
            ("toestand", .string(v.toestand.iso)), ("bron", .string(v.source)),
            ("artikelen", .array((document?.articles ?? []).map { c in
              .ordered([("artikel", .string(c.artikel ?? "")), ("kort", .string(c.short)), ("jci", .string(c.jci)), ("url", .string(c.url))])
            })),
            ("uitvoer", .array(v.outputs.map { .string($0.id) })),
          ])
        })),
      ])
    }
    return .ordered([("regelingen", .array(laws))])
  }
}
#endif

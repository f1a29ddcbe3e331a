import ExactArithmetic
import HouseholdModel
import RuleIR

extension IRExport {
  /// An expression as a tree: `{"op": …, "type": …, …operands}`. The operator names are the IR's,
  /// stable across versions of this format; the schema lists them.
  static func expression(_ e: TypedExpression) -> JSONValue {
    var fields: [(String, JSONValue)] = []
    func sub(_ x: TypedExpression) -> JSONValue { expression(x) }
    func symbol(_ s: SymbolID) -> JSONValue { JSONValue.ordered([("wet", .string(s.law)), ("naam", .string(s.name))]) }
    func person(_ p: PersonRef?) -> JSONValue {
      switch p {
      case .aanvrager?: return .string("aanvrager")
      case .partner?: return .string("partner")
      case .current?: return .string("hij")
      case nil: return .null
      }
    }
    let op: String
    switch e.kind {
    case .constant(let v): op = "constante"; fields = [("waarde", value(v))]
    case .parameter(let s): op = "parameter"; fields = [("symbool", symbol(s))]
    case .fact(let s, let p): op = "gegeven"; fields = [("symbool", symbol(s)), ("persoon", person(p))]
    case .given(let s, let p): op = "opgegeven"; fields = [("symbool", symbol(s)), ("persoon", person(p))]
    case .definition(let s, let p): op = "afleiding"; fields = [("symbool", symbol(s)), ("persoon", person(p))]
    case .person(let p): op = "persoon"; fields = [("persoon", person(p))]
    case .arithmetic(let o, let a, let b): op = "rekenkundig"; fields = [("operator", .string(o.rawValue)), ("links", sub(a)), ("rechts", sub(b))]
    case .convertPeriod(let a, let factor, let to): op = "periode"; fields = [("expressie", sub(a)), ("factor", .string(number(factor))), ("naar", .string(to.rawValue))]
    case .extremum(let isMax, let list): op = isMax ? "maximum" : "minimum"; fields = [("operanden", .array(list.map(sub)))]
    case .inEuros(let a): op = "inEuros"; fields = [("expressie", sub(a)), ("naar", .string(e.type.description))]
    case .round(let a, let mode, let unit, let basis):
      op = "afronding"
      fields = [("expressie", sub(a)), ("wijze", .string(mode.rawValue)), ("eenheid", .string(number(unit)))]
      switch basis {
      case .article(let ref): fields.append(("volgens", citation(ref)))
      case .choice(let id): fields.append(("keuze", .string(id)))
      }
    case .at(let a, let d): op = "geldendOp"; fields = [("expressie", sub(a)), ("datum", sub(d))]
    case .sum(let g, let body, let filter): op = "som"; fields = [("groep", .string(g.rawValue)), ("expressie", sub(body)), ("filter", filter.map(sub) ?? .null)]
    case .count(let g, let filter): op = "aantal"; fields = [("groep", .string(g.rawValue)), ("filter", filter.map(sub) ?? .null)]
    case .exists(let g, let filter): op = "bestaat"; fields = [("groep", .string(g.rawValue)), ("filter", filter.map(sub) ?? .null)]
    case .sumOverMonths(let a): op = "somOverMaanden"; fields = [("expressie", sub(a))]
    case .age(let birth, let at): op = "leeftijd"; fields = [("geboortedatum", sub(birth)), ("peilmoment", at.map(sub) ?? .null)]
    case .addDuration(let a, let b, let subtract): op = subtract ? "duurAftrekken" : "duurOptellen"; fields = [("datum", sub(a)), ("duur", sub(b))]
    case .dayCount(let a, let b): op = "aantalDagen"; fields = [("van", sub(a)), ("tot", sub(b))]
    case .firstOfNextMonth(let a): op = "eersteVanVolgendeMaand"; fields = [("datum", sub(a))]
    case .firstOfMonth(let a): op = "eersteVanDeMaand"; fields = [("datum", sub(a))]
    case .peildatum: op = "peildatum"
    case .beginOfYear: op = "beginVanHetJaar"
    case .endOfYear: op = "eindVanHetJaar"
    case .calculationYear: op = "berekeningsjaar"
    case .compare(let o, let a, let b): op = "vergelijking"; fields = [("operator", .string(o.rawValue)), ("links", sub(a)), ("rechts", sub(b))]
    case .and(let list): op = "en"; fields = [("operanden", .array(list.map(sub)))]
    case .or(let list): op = "of"; fields = [("operanden", .array(list.map(sub)))]
    case .not(let a): op = "niet"; fields = [("operand", sub(a))]
    }
    return JSONValue.ordered([("op", .string(op)), ("type", type(e.type))] + fields)
  }

  /// The operator names this version of the format uses (the schema's enumeration).
  public static let operators = [
    "constante", "parameter", "gegeven", "opgegeven", "afleiding", "persoon", "rekenkundig", "periode", "maximum", "minimum", "afronding", "inEuros",
    "geldendOp", "som", "aantal", "bestaat", "somOverMaanden", "leeftijd", "duurAftrekken", "duurOptellen", "aantalDagen",
    "eersteVanVolgendeMaand", "eersteVanDeMaand", "peildatum", "beginVanHetJaar", "eindVanHetJaar", "berekeningsjaar",
    "vergelijking", "en", "of", "niet",
  ]
}

/// A name defined by a regulation: the law's code and the name's key (`zorgtoeslag` / `normpremie`).
/// Facts of the household model live under the code of the model document.
public struct SymbolID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let law: String
  public let name: String

  public init(law: String, name: String) {
    self.law = law
    self.name = name
  }

  public static func < (a: SymbolID, b: SymbolID) -> Bool { (a.law, a.name) < (b.law, b.name) }
  /// `zorgtoeslag.normpremie`.
  public var description: String { "\(law).\(name)" }
}

/// What a symbol is.
public enum SymbolKind: String, Sendable, Codable {
  /// An input from the household document.
  case fact = "gegeven"
  /// A value fixed for everyone over a period.
  case parameter
  /// A value derived by rules (rekenregel or beslisregel).
  case definition = "afleiding"
}

/// Whom a value belongs to.
public enum Subject: String, Sendable, Hashable, Codable {
  case household = "huishouden"
  case person = "persoon"
}

/// A person of the household, as an expression names them.
public enum PersonRef: Sendable, Hashable, Codable, CustomStringConvertible {
  case aanvrager
  case partner
  /// The person the rule is about (`hij`), or the member of the innermost `de som van … van de
  /// kinderen` / `waarvoor geldt dat hij …`.
  case current

  public var description: String {
    switch self {
    case .aanvrager: return "de aanvrager"
    case .partner: return "de partner"
    case .current: return "hij"
    }
  }
}

/// A group of persons of the household.
public enum PersonGroup: String, Sendable, Hashable, Codable, CaseIterable {
  case kinderen
  case medebewoners
  case personen
  /// The partner as a group of zero or one (`er is een partner`).
  case partner

  public var description: String {
    switch self {
    case .kinderen: return "de kinderen"
    case .medebewoners: return "de medebewoners"
    case .personen: return "de personen"
    case .partner: return "de partner"
    }
  }
}

/// The roles a person can have in the household document.
public enum HouseholdRole: String, Sendable, Hashable, Codable, CaseIterable {
  case aanvrager, partner, kind, medebewoner

  /// Whether a person of this role belongs to the group.
  public func belongs(to group: PersonGroup) -> Bool {
    switch group {
    case .kinderen: return self == .kind
    case .medebewoners: return self == .medebewoner
    case .personen: return true
    case .partner: return self == .partner
    }
  }
}

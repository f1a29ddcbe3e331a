/// One column of a population: the values of one fact for every household or every person.
///
/// Values are stored compactly and read by the kernel as `Int64`: amounts in cents, dates as days
/// since 1970-01-01, kenmerken as 0/1, enumeration values as their index in the declaration, whole
/// numbers as themselves.
public enum ColumnData: Sendable, Equatable {
  case int64([Int64])
  case int32([Int32])
  case uint8([UInt8])

  public var count: Int {
    switch self {
    case .int64(let a): return a.count
    case .int32(let a): return a.count
    case .uint8(let a): return a.count
    }
  }

  @inline(__always)
  public subscript(i: Int) -> Int64 {
    switch self {
    case .int64(let a): return a[i]
    case .int32(let a): return Int64(a[i])
    case .uint8(let a): return Int64(a[i])
    }
  }

  /// Copies `count` values starting at `start` into `out` as `Int64`.
  @inline(__always)
  public func copy(from start: Int, count: Int, into out: UnsafeMutablePointer<Int64>) {
    switch self {
    case .int64(let a): a.withUnsafeBufferPointer { for j in 0..<count { out[j] = $0[start + j] } }
    case .int32(let a): a.withUnsafeBufferPointer { for j in 0..<count { out[j] = Int64($0[start + j]) } }
    case .uint8(let a): a.withUnsafeBufferPointer { for j in 0..<count { out[j] = Int64($0[start + j]) } }
    }
  }

  /// Copies the values at the given rows into `out` as `Int64`.
  @inline(__always)
  public func gather(_ rows: UnsafePointer<Int32>, count: Int, into out: UnsafeMutablePointer<Int64>) {
    switch self {
    case .int64(let a): a.withUnsafeBufferPointer { b in for j in 0..<count { out[j] = b[Int(rows[j])] } }
    case .int32(let a): a.withUnsafeBufferPointer { b in for j in 0..<count { out[j] = Int64(b[Int(rows[j])]) } }
    case .uint8(let a): a.withUnsafeBufferPointer { b in for j in 0..<count { out[j] = Int64(b[Int(rows[j])]) } }
    }
  }

  /// Bytes held.
  public var byteCount: Int {
    switch self {
    case .int64(let a): return a.count * 8
    case .int32(let a): return a.count * 4
    case .uint8(let a): return a.count
    }
  }

  /// Appends another column of the same representation.
  public mutating func append(_ other: ColumnData) {
    switch (self, other) {
    case (.int64(var a), .int64(let b)):
      a.append(contentsOf: b)
      self = .int64(a)
    case (.int32(var a), .int32(let b)):
      a.append(contentsOf: b)
      self = .int32(a)
    case (.uint8(var a), .uint8(let b)):
      a.append(contentsOf: b)
      self = .uint8(a)
    default:
      preconditionFailure("columns of different representations")
    }
  }
}

/// How the integers of a column are to be read.
public enum ColumnKind: String, Sendable, Codable {
  /// An amount in cents.
  case cents
  /// A date, in days since 1970-01-01.
  case date
  /// A kenmerk: 0 or 1.
  case boolean
  /// The index of an enumeration value.
  case enumeration
  /// A whole number.
  case integer
}

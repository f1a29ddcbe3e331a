import ExactArithmetic
import Population

extension BatchExecutor {
  @inline(__always) func rows(_ d: Domain) -> Int { d == .household ? nh : np }

  /// The larger of two statuses (either may be absent, meaning ok).
  @inline(__always) static func worst(_ x: UnsafeMutablePointer<UInt8>?, _ y: UnsafeMutablePointer<UInt8>?, _ i: Int) -> UInt8 {
    max(x?[i] ?? 0, y?[i] ?? 0)
  }

  /// Whether an operation can make a status of its own (not only pass one on).
  @inline(__always) static func creates(_ ins: Instruction) -> Bool {
    switch ins.code {
    case .undecided, .segmentSum, .roundDivide: return true
    case .gather: return ins.flag == 1
    case .add, .subtract, .multiply, .scale: return ins.checked
    default: return false
    }
  }

  func run(_ ins: Instruction) {
    let dom = ins.domain
    var ds: UnsafeMutablePointer<UInt8>?
    if ins.ds >= 0 {
      var live = Self.creates(ins)
      if !live {
        let operandDomain: Domain = ins.code == .gather || ins.code == .segmentSum || ins.code == .segmentCount || ins.code == .segmentAny ? .person : ins.code == .broadcast ? .household : dom
        for s in [ins.sa, ins.sb, ins.sc] where s >= 0 && status(operandDomain, s) != nil { live = true }
        for s in ins.listStatus where s >= 0 && status(dom, s) != nil { live = true }
      }
      if live {
        ds = statusStorage(dom, ins.ds)
        setDirty(dom, ins.ds, true)
      } else {
        setDirty(dom, ins.ds, false)
      }
    }
    execute(ins, ds)
    if let ds {
      let n = rows(dom)
      var any: UInt8 = 0
      for i in 0..<n { any |= ds[i] }
      setDirty(dom, ins.ds, any != 0)
    }
  }

  func execute(_ ins: Instruction, _ ds: UnsafeMutablePointer<UInt8>?) {
    let dom = ins.domain
    let n = rows(dom)
    let d = value(dom, ins.dst)
    switch ins.code {
    case .constant:
      let k = ins.k
      for i in 0..<n { d[i] = k }
    case .undecided:
      for i in 0..<n { d[i] = 0 }
      if let ds { for i in 0..<n { ds[i] = RowStatus.undecided.rawValue } }
    case .column:
      if dom == .household {
        householdColumns[ins.column].gather(householdSource, count: n, into: d)
      } else {
        personColumns[ins.column].gather(personSource, count: n, into: d)
      }
      if ins.flag == 1 { for i in 0..<n { d[i] = Int64(DayMath.pack(day: Int(d[i]))) } }
    case .roleIn:
      let mask = ins.k
      let r = roleLocal
      for i in 0..<n { d[i] = (mask >> Int64(r[i])) & 1 }
    case .hasPartner:
      let pl = partnerLocal
      for i in 0..<n { d[i] = pl[i] >= 0 ? 1 : 0 }
    case .gather:
      let src = value(.person, ins.a)
      let ss = status(.person, ins.sa)
      let index = ins.flag == 1 ? partnerLocal : localStart
      for i in 0..<n {
        let idx = Int(index[i])
        if idx < 0 {
          d[i] = 0
          ds?[i] = RowStatus.undecided.rawValue
        } else {
          d[i] = src[idx]
          ds?[i] = ss?[idx] ?? 0
        }
      }
    case .broadcast:
      let src = value(.household, ins.a)
      let ss = status(.household, ins.sa)
      let of = householdOf
      for p in 0..<n { d[p] = src[Int(of[p])] }
      if let ds {
        if let ss { for p in 0..<n { ds[p] = ss[Int(of[p])] } } else { for p in 0..<n { ds[p] = 0 } }
      }
    case .segmentSum, .segmentCount, .segmentAny:
      segment(ins, d, ds)
    case .add, .subtract, .multiply, .minimum, .maximum, .compare:
      binary(ins, n, d, ds)
    case .scale:
      let x = value(dom, ins.a)
      let sx = status(dom, ins.sa)
      let k = ins.k
      if ins.checked {
        for i in 0..<n {
          let (r, o) = x[i].multipliedReportingOverflow(by: k)
          d[i] = r
          ds?[i] = o ? RowStatus.exact.rawValue : (sx?[i] ?? 0)
        }
      } else {
        for i in 0..<n { d[i] = x[i] &* k }
        if let ds { for i in 0..<n { ds[i] = sx?[i] ?? 0 } }
      }
    case .roundDivide:
      roundDivide(ins, n, d, ds)
    case .and, .or:
      kleene(ins, n, d, ds, decisive: ins.code == .or)
    case .anyStrict:
      let first = value(dom, ins.list[0])
      for i in 0..<n { d[i] = first[i] }
      for j in 1..<ins.list.count {
        let x = value(dom, ins.list[j])
        for i in 0..<n { d[i] |= x[i] }
      }
      if let ds {
        for i in 0..<n { ds[i] = 0 }
        for j in ins.listStatus.indices {
          guard let sx = status(dom, ins.listStatus[j]) else { continue }
          for i in 0..<n { ds[i] = max(ds[i], sx[i]) }
        }
      }
    case .not:
      let x = value(dom, ins.a)
      let sx = status(dom, ins.sa)
      for i in 0..<n { d[i] = x[i] == 0 ? 1 : 0 }
      if let ds { for i in 0..<n { ds[i] = sx?[i] ?? 0 } }
    case .select:
      let c = value(dom, ins.a)
      let x = value(dom, ins.b)
      let y = value(dom, ins.c)
      if let ds {
        let sc = status(dom, ins.sa)
        let sx = status(dom, ins.sb)
        let sy = status(dom, ins.sc)
        for i in 0..<n {
          let cs = sc?[i] ?? 0
          let take = c[i] != 0
          d[i] = take ? x[i] : y[i]
          ds[i] = cs != 0 ? cs : (take ? (sx?[i] ?? 0) : (sy?[i] ?? 0))
        }
      } else {
        for i in 0..<n { d[i] = c[i] != 0 ? x[i] : y[i] }
      }
    case .sameOutcome:
      let x = value(dom, ins.a)
      let y = value(dom, ins.b)
      let sx = status(dom, ins.sa)
      let sy = status(dom, ins.sb)
      for i in 0..<n {
        let p = sx?[i] ?? 0
        let q = sy?[i] ?? 0
        d[i] = (p == q && (p != 0 || x[i] == y[i])) ? 1 : 0
      }
    case .addDuration, .firstOfNextMonth, .firstOfMonth, .age, .daysBetween, .packCivil, .ageOn:
      calendar(ins, n, d, ds)
    }
  }

  func binary(_ ins: Instruction, _ n: Int, _ d: UnsafeMutablePointer<Int64>, _ ds: UnsafeMutablePointer<UInt8>?) {
    let dom = ins.domain
    let x = value(dom, ins.a)
    let y = value(dom, ins.b)
    let sx = status(dom, ins.sa)
    let sy = status(dom, ins.sb)
    switch ins.code {
    case .add where !ins.checked: for i in 0..<n { d[i] = x[i] &+ y[i] }
    case .subtract where !ins.checked: for i in 0..<n { d[i] = x[i] &- y[i] }
    case .multiply where !ins.checked: for i in 0..<n { d[i] = x[i] &* y[i] }
    case .add, .subtract, .multiply:
      for i in 0..<n {
        let (r, o): (Int64, Bool)
        switch ins.code {
        case .add: (r, o) = x[i].addingReportingOverflow(y[i])
        case .subtract: (r, o) = x[i].subtractingReportingOverflow(y[i])
        default: (r, o) = x[i].multipliedReportingOverflow(by: y[i])
        }
        d[i] = r
        ds?[i] = o ? RowStatus.exact.rawValue : Self.worst(sx, sy, i)
      }
      return
    case .minimum: for i in 0..<n { d[i] = min(x[i], y[i]) }
    case .maximum: for i in 0..<n { d[i] = max(x[i], y[i]) }
    case .compare:
      switch ins.flag {
      case 0: for i in 0..<n { d[i] = x[i] == y[i] ? 1 : 0 }
      case 1: for i in 0..<n { d[i] = x[i] != y[i] ? 1 : 0 }
      case 2: for i in 0..<n { d[i] = x[i] < y[i] ? 1 : 0 }
      case 3: for i in 0..<n { d[i] = x[i] <= y[i] ? 1 : 0 }
      case 4: for i in 0..<n { d[i] = x[i] > y[i] ? 1 : 0 }
      default: for i in 0..<n { d[i] = x[i] >= y[i] ? 1 : 0 }
      }
    default: break
    }
    if let ds { Self.combine(ds, sx, sy, n) }
  }

  /// `ds = max(sx, sy)` with absent statuses as ok.
  @inline(__always) static func combine(_ ds: UnsafeMutablePointer<UInt8>, _ sx: UnsafeMutablePointer<UInt8>?, _ sy: UnsafeMutablePointer<UInt8>?, _ n: Int) {
    switch (sx, sy) {
    case (let a?, let b?): for i in 0..<n { ds[i] = max(a[i], b[i]) }
    case (let a?, nil): for i in 0..<n { ds[i] = a[i] }
    case (nil, let b?): for i in 0..<n { ds[i] = b[i] }
    case (nil, nil): for i in 0..<n { ds[i] = 0 }
    }
  }

  /// Three-valued logic: a decisive operand (false for `en`, true for `of`) that is ok decides.
  /// Computed column by column so the loops vectorise.
  func kleene(_ ins: Instruction, _ n: Int, _ d: UnsafeMutablePointer<Int64>, _ ds: UnsafeMutablePointer<UInt8>?, decisive: Bool) {
    let dom = ins.domain
    let first = value(dom, ins.list[0])
    for i in 0..<n { d[i] = first[i] }
    for j in 1..<ins.list.count {
      let x = value(dom, ins.list[j])
      if decisive { for i in 0..<n { d[i] |= x[i] } } else { for i in 0..<n { d[i] &= x[i] } }
    }
    guard let ds else { return }
    // decided[i]: some operand is ok and decisive. worst: the largest status.
    let decided = scratchValue
    let decisiveValue: Int64 = decisive ? 1 : 0
    for i in 0..<n {
      decided[i] = 0
      ds[i] = 0
    }
    for j in ins.list.indices {
      let x = value(dom, ins.list[j])
      if let sx = status(dom, ins.listStatus[j]) {
        for i in 0..<n {
          decided[i] |= (sx[i] == 0 && x[i] == decisiveValue) ? 1 : 0
          ds[i] = max(ds[i], sx[i])
        }
      } else {
        for i in 0..<n { decided[i] |= x[i] == decisiveValue ? 1 : 0 }
      }
    }
    for i in 0..<n {
      if decided[i] != 0 {
        d[i] = decisiveValue
        ds[i] = 0
      }
    }
  }

  func segment(_ ins: Instruction, _ d: UnsafeMutablePointer<Int64>, _ ds: UnsafeMutablePointer<UInt8>?) {
    let v = value(.person, ins.a)
    let sv = status(.person, ins.sa)
    let mask = value(.person, ins.b)
    let starts = localStart
    for h in 0..<nh {
      let lo = Int(starts[h])
      let hi = Int(starts[h + 1])
      var acc: Int64 = 0
      var s: UInt8 = 0
      switch ins.code {
      case .segmentSum:
        for p in lo..<hi where mask[p] != 0 {
          let (r, o) = acc.addingReportingOverflow(v[p])
          acc = r
          if o { s = RowStatus.exact.rawValue }
          s = max(s, sv?[p] ?? 0)
        }
      case .segmentCount:
        for p in lo..<hi where mask[p] != 0 {
          acc += v[p] != 0 ? 1 : 0
          s = max(s, sv?[p] ?? 0)
        }
      default:
        for p in lo..<hi where mask[p] != 0 {
          let ps = sv?[p] ?? 0
          if ps != 0 {
            s = ps
            break
          }
          if v[p] != 0 {
            acc = 1
            break
          }
        }
      }
      d[h] = acc
      ds?[h] = s
    }
  }

  func calendar(_ ins: Instruction, _ n: Int, _ d: UnsafeMutablePointer<Int64>, _ ds: UnsafeMutablePointer<UInt8>?) {
    let dom = ins.domain
    let x = value(dom, ins.a)
    let sx = status(dom, ins.sa)
    switch ins.code {
    case .addDuration:
      let y = value(dom, ins.b)
      let subtract = ins.flag == 1
      for i in 0..<n { d[i] = Int64(DayMath.addPacked(Int(x[i]), duration: Int(y[i]), subtract: subtract)) }
      if let ds { Self.combine(ds, sx, status(dom, ins.sb), n) }
      return
    case .age:
      let y = value(dom, ins.b)
      for i in 0..<n { d[i] = Int64(DayMath.agePacked(Int(x[i]), Int(y[i]))) }
      if let ds { Self.combine(ds, sx, status(dom, ins.sb), n) }
      return
    case .daysBetween:
      let y = value(dom, ins.b)
      for i in 0..<n { d[i] = Int64(DayMath.unpack(Int(y[i])) - DayMath.unpack(Int(x[i]))) }
      if let ds { Self.combine(ds, sx, status(dom, ins.sb), n) }
      return
    case .ageOn:
      let on = Int(ins.k)
      for i in 0..<n { d[i] = Int64(DayMath.agePacked(Int(x[i]), on)) }
    case .packCivil:
      for i in 0..<n { d[i] = x[i] }
    case .firstOfNextMonth: for i in 0..<n { d[i] = Int64(DayMath.firstOfNextMonthPacked(Int(x[i]))) }
    default: for i in 0..<n { d[i] = Int64(DayMath.firstOfMonthPacked(Int(x[i]))) }
    }
    if let ds { Self.combine(ds, sx, nil, n) }
  }
}

import Foundation

/// How well each demo employee is doing, decided from their id alone, so every run tells the
/// same story: a tenth struggle, a fifth lag a little, half are on track, a fifth are ahead.
package enum DemoProfile {
    /// The share of a goal's target reached by today: the owner's form times a per-goal swing.
    /// 1 means exactly on target; it ranges from about 0.2 to 1.6.
    package static func achievement(owner: String, goal: String) -> Double {
        let form = form(of: owner)
        let swing = 0.85 + 0.3 * unit("\(owner)/\(goal)")
        return form * swing
    }

    /// Whether the owner's manager returns their personal goal for a change (about one in ten).
    package static func isReturned(_ owner: String) -> Bool {
        unit("\(owner)/return") < 0.1
    }

    /// The owner's form, 0.25…1.4.
    package static func form(of owner: String) -> Double {
        let u = unit(owner)
        switch u {
        case ..<0.1: return 0.25 + u / 0.1 * 0.35  // struggling: 0.25–0.60
        case ..<0.3: return 0.6 + (u - 0.1) / 0.2 * 0.25  // a little behind: 0.60–0.85
        case ..<0.8: return 0.85 + (u - 0.3) / 0.5 * 0.25  // on track: 0.85–1.10
        default: return 1.1 + (u - 0.8) / 0.2 * 0.3  // ahead: 1.10–1.40
        }
    }

    /// A number in [0, 1) that depends only on `key` (FNV-1a, then a SplitMix64 finaliser).
    package static func unit(_ key: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return Double(hash >> 11) / Double(UInt64(1) << 53)
    }
}

import Foundation
import StrideContracts
import Testing

@testable import StrideIncentives

@Suite("Incentives domain: salary zones")
struct SalaryZoneDomainTests {
    private func zone(_ salary: String, _ minimum: String = "50000", _ maximum: String = "70000") -> SalaryZone {
        SalaryZone.of(salary: DomainFixtures.dec(salary), minimum: DomainFixtures.dec(minimum), maximum: DomainFixtures.dec(maximum))
    }

    /// Band 50 000 – 70 000: quartiles start at 50 000, 55 000, 60 000 and 65 000.
    @Test(
        "each salary falls in the zone its quartile start says, boundaries belonging to the upper quartile",
        arguments: [
            ("0", SalaryZone.belowMinimum), ("49999.99", .belowMinimum), ("50000", .q1), ("50000.01", .q1),
            ("54999.99", .q1), ("55000", .q2), ("55000.00", .q2), ("59999.99", .q2), ("60000", .q3), ("64999.99", .q3),
            ("65000", .q4), ("69999.99", .q4), ("70000", .q4), ("70000.01", .aboveMaximum), ("1000000", .aboveMaximum),
        ])
    func quartiles(salary: String, expected: SalaryZone) {
        #expect(zone(salary) == expected)
    }

    @Test("below the minimum and above the maximum by the smallest step")
    func outside() {
        #expect(zone("49999.999") == .belowMinimum)
        #expect(zone("70000.001") == .aboveMaximum)
        #expect(zone("-1") == .belowMinimum)
    }

    @Test("exactly the minimum is q1 and exactly the maximum is q4")
    func ends() {
        #expect(zone("50000") == .q1)
        #expect(zone("70000") == .q4)
    }

    @Test("a band whose width does not divide by four still puts its exact quarter in q2")
    func unevenWidth() {
        // Width 0.03: the quarter point is 100.0175, the half 100.025, three quarters 100.0325.
        #expect(zone("100.0174", "100.01", "100.04") == .q1)
        #expect(zone("100.0175", "100.01", "100.04") == .q2)
        #expect(zone("100.0249", "100.01", "100.04") == .q2)
        #expect(zone("100.025", "100.01", "100.04") == .q3)
        #expect(zone("100.0325", "100.01", "100.04") == .q4)
        // Width 3: a third of the way is q2, two thirds q3.
        #expect(zone("1", "0", "3") == .q2)
        #expect(zone("2", "0", "3") == .q3)
        #expect(zone("0.75", "0", "3") == .q2)
        #expect(zone("0.7499", "0", "3") == .q1)
        #expect(zone("2.25", "0", "3") == .q4)
    }

    @Test("a band with minimum equal to maximum puts that salary in q4 and others outside")
    func pointBand() {
        #expect(zone("60000", "60000", "60000") == .q4)
        #expect(zone("59999.99", "60000", "60000") == .belowMinimum)
        #expect(zone("60000.01", "60000", "60000") == .aboveMaximum)
    }

    @Test("a JPY band without decimals")
    func wholeUnits() {
        #expect(zone("4000000", "4000000", "6000000") == .q1)
        #expect(zone("4499999", "4000000", "6000000") == .q1)
        #expect(zone("4500000", "4000000", "6000000") == .q2)
        #expect(zone("6000000", "4000000", "6000000") == .q4)
    }

    @Test("the Money and SalaryBand overload compares the amounts")
    func moneyOverload() throws {
        let band = SalaryBand(
            minimum: try Money("50000.00", currency: "EUR"), midpoint: try Money("60000.00", currency: "EUR"),
            maximum: try Money("70000.00", currency: "EUR"))
        #expect(SalaryZone.of(salary: try Money("55000.00", currency: "EUR"), band: band) == .q2)
        #expect(SalaryZone.of(salary: try Money("49999.99", currency: "EUR"), band: band) == .belowMinimum)
        #expect(SalaryZone.of(salary: try Money("70000.00", currency: "EUR"), band: band) == .q4)
        #expect(SalaryZone.of(salary: try Money("70000.01", currency: "EUR"), band: band) == .aboveMaximum)
    }

    @Test("zones go below minimum, q1…q4, above maximum, spelled in snake case on the wire")
    func wireNames() throws {
        #expect(SalaryZone.allCases.map(\.rawValue) == ["below_minimum", "q1", "q2", "q3", "q4", "above_maximum"])
        #expect(try DomainFixtures.json([SalaryZone.belowMinimum, .aboveMaximum]) == #"["below_minimum","above_maximum"]"#)
        #expect(try DomainFixtures.decode(SalaryZone.self, #""q3""#) == .q3)
        #expect(throws: DecodingError.self) { try DomainFixtures.decode(SalaryZone.self, #""q5""#) }
        #expect(throws: DecodingError.self) { try DomainFixtures.decode(SalaryZone.self, #""belowMinimum""#) }
    }

    @Test("walking a band cent by cent never goes back to a lower zone")
    func monotone() {
        let order = SalaryZone.allCases
        var last = 0
        for cents in stride(from: 999_000, through: 1_201_000, by: 137) {
            let found = SalaryZone.of(
                salary: DomainFixtures.minor(cents, places: 2), minimum: DomainFixtures.dec("10000"), maximum: DomainFixtures.dec("12000"))
            let index = order.firstIndex(of: found)!
            #expect(index >= last, "salary \(DomainFixtures.minor(cents, places: 2)) went back to \(found)")
            last = index
        }
        #expect(last == order.count - 1)
    }
}

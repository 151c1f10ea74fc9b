import StrideIncentives
import Testing

/// `INCENTIVES_SCHEMA`: the default, a valid name, and names PostgreSQL or the consumer groups
/// would choke on, refused at start with the variable named.
@Suite("Incentives settings from the environment")
struct SettingsTests {
    @Test("the schema defaults to incentives, takes a valid name, and refuses anything else naming the variable")
    func schema() throws {
        #expect(try IncentivesSettings.fromEnvironment([:]).schema == "incentives")
        #expect(try IncentivesSettings.fromEnvironment(["INCENTIVES_SCHEMA": "incentives_staging"]).schema == "incentives_staging")
        for bad in ["Incentives", "1incentives", "incentives-staging", "incentives; drop", String(repeating: "a", count: 51)] {
            #expect {
                try IncentivesSettings.fromEnvironment(["INCENTIVES_SCHEMA": bad])
            } throws: { error in
                "\(error)".contains("INCENTIVES_SCHEMA")
            }
        }
    }
}

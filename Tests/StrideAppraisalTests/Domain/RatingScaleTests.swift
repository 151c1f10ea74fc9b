import Foundation
import StrideAppraisal
import StrideContracts
import Testing

@Suite("Rating scales")
struct RatingScaleTests {
    let scale = standardTerms().scale

    @Test("level 1 is the first label, and a rating carries the scale's maximum")
    func labels() {
        #expect(scale.maximum == 5)
        #expect(scale.label(of: 1) == "Unsatisfactory")
        #expect(scale.label(of: 5) == "Outstanding")
        #expect(scale.label(of: 6) == "Level 6")
        #expect(scale.rating(3) == Rating(level: 3, label: "Meets expectations", scaleMaximum: 5))
        #expect(scale.contains(1) && scale.contains(5))
        #expect(!scale.contains(0) && !scale.contains(6))
        #expect(!RatingScale(labels: []).contains(1))
    }

    @Test("2 to 10 levels, each labelled, at most 60 characters, none twice")
    func violations() {
        #expect(RatingScale.violations(of: scale.labels, field: "scale.labels").isEmpty)
        #expect(summary(RatingScale.violations(of: ["Only"], field: "scale.labels")) == ["invalid:scale.labels"])
        let eleven = (1...11).map { "L\($0)" }
        #expect(summary(RatingScale.violations(of: eleven, field: "scale.labels")) == ["invalid:scale.labels"])
        #expect(RatingScale.violations(of: Array(eleven.prefix(10)), field: "scale.labels").isEmpty)
        let long = String(repeating: "x", count: 61)
        #expect(
            summary(RatingScale.violations(of: ["Low", " ", long, String(long.dropFirst())], field: "labels"))
                == ["invalid:labels[1]", "invalid:labels[2]"])
        #expect(summary(RatingScale.violations(of: ["Good", " good "], field: "labels")) == ["invalid:labels[1]"])
    }
}

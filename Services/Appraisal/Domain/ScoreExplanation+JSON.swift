import Foundation
import StrideContracts

extension ScoreExplanation {
    /// The explanation as the JSON its `Codable` conformance reads back — the same members, names
    /// and decimal strings, `nil`s left out — written by hand: scoring a whole cycle stores one per
    /// appraisal, and `JSONEncoder` cost more than computing the score. `ScoreExplanationJSONTests`
    /// decodes what this writes and compares it with `JSONEncoder`'s document.
    public var jsonText: String {
        var json = JSONTextWriter(capacity: 2_048)
        json.beginObject()
        json.member("template_id", templateID)
        json.member("template_version", templateVersion)
        json.member("attainment_event_id", attainmentEventID)
        json.member("attainment_percent", attainmentPercent)
        json.member("goal_score", goalScore)
        json.key("groups")
        json.beginArray()
        for group in groups { group.write(to: &json) }
        json.endArray()
        json.member("competency_score", competencyScore)
        json.member("goal_weight_applied_percent", goalWeightAppliedPercent as Decimal?)
        json.member("competency_weight_applied_percent", competencyWeightAppliedPercent as Decimal?)
        json.member("final_score", finalScore as Decimal?)
        json.member("rating_level", ratingLevel)
        json.member("lines", lines)
        json.endObject()
        return json.text
    }
}

extension GroupScore {
    /// The group as its `Codable` conformance reads it back (see ``ScoreExplanation/jsonText``).
    func write(to json: inout JSONTextWriter) {
        json.beginObject()
        json.member("group", group.rawValue)
        json.member("rater_count", raterCount)
        json.member("counted", counted)
        json.member("note", note)
        json.member("configured_weight_percent", configuredWeightPercent as Decimal?)
        json.member("applied_weight_percent", appliedWeightPercent as Decimal?)
        json.key("competency_averages")
        json.beginArray()
        for average in competencyAverages {
            json.beginObject()
            json.member("competency_id", average.competencyID)
            json.member("average", average.average as Decimal?)
            json.member("rater_count", average.raterCount)
            json.endObject()
        }
        json.endArray()
        json.member("score", score)
        json.member("review_ids", reviewIDs)
        json.endObject()
    }
}

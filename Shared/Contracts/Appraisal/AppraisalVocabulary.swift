/// A phase of a review cycle, in order. JSON: `self_review`, `nominations`, `peer_reviews`,
/// `manager_review`, `calibration`, `feedback`, `closed`.
public enum CyclePhase: String, Codable, Sendable, CaseIterable {
    /// Employees review themselves.
    case selfReview = "self_review"
    /// Peers, reports and external raters are nominated.
    case nominations
    /// Peer, upward and external reviews.
    case peerReviews = "peer_reviews"
    /// Managers review and propose ratings.
    case managerReview = "manager_review"
    /// HR and managers calibrate ratings against the distribution guideline.
    case calibration
    /// Feedback interviews and acknowledgement.
    case feedback
    /// The cycle is over.
    case closed
}

/// The relationship of a reviewer to the reviewee.
/// JSON: `manager`, `self`, `peer`, `direct_report`, `external`.
public enum RaterGroup: String, Codable, Sendable, CaseIterable {
    /// The reviewee's manager.
    case manager
    /// The reviewee (a self review).
    case selfReview = "self"
    /// A colleague.
    case peer
    /// Someone who reports to the reviewee (upward review).
    case directReport = "direct_report"
    /// A customer or partner.
    case external
}

/// Low, moderate or high: one axis of the nine-box grid. JSON: `low`, `moderate`, `high`.
public enum TalentLevel: String, Codable, Sendable, CaseIterable {
    /// Below expectations / limited potential.
    case low
    /// Meets expectations / some growth potential.
    case moderate
    /// Exceeds expectations / ready to grow.
    case high
}

/// How HR resolved a dispute. JSON: `upheld`, `amended`, `withdrawn`.
public enum DisputeResolution: String, Codable, Sendable, CaseIterable {
    /// The appraisal stands as it was.
    case upheld
    /// The appraisal was changed; a new ``AppraisalFinalized`` version follows.
    case amended
    /// The employee withdrew the dispute.
    case withdrawn
}

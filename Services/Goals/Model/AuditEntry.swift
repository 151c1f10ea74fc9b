import StrideRuntime

/// One audited change to a goal: who did what, when, and each field's value before and after.
/// The runtime's audit trail records it (the `goals` table is audited by runtime migration 9's
/// trigger since goals migration 107); the API shows it as is.
public typealias AuditEntry = AuditRecord

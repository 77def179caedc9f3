namespace EventHub.Core.Data;

public enum ReportStatus
{
    Draft = 0,
    InReview = 1,
    ChangesRequested = 2,
    Approved = 3,
    Circulated = 4,
}

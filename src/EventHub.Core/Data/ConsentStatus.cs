namespace EventHub.Core.Data;

public enum ConsentStatus
{
    /// <summary>Asked by email; not yet confirmed by the person.</summary>
    Requested = 0,
    Confirmed = 1,
    Withdrawn = 2,
}

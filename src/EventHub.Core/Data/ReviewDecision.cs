namespace EventHub.Core.Data;

public enum ReviewDecision
{
    Approved = 0,
    ChangesRequested = 1,
}

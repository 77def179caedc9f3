namespace EventHub.Core.Data;

public enum VettingDecision
{
    Approved = 0,
    Rejected = 1,
    Waitlisted = 2,
}

namespace EventHub.Core.Common;

public enum OutcomeStatus
{
    Succeeded,
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

namespace EventHub.Core.Data;

public enum CirculationAudience
{
    CheckedIn = 0,
    AllApproved = 1,
    Hosts = 2,
    Team = 3,
}

namespace EventHub.Core.Data;

public enum InvitationStatus
{
    Sent = 0,
    Accepted = 1,
    Declined = 2,
    NominatedColleague = 3,
    Revoked = 4,
    Expired = 5,

    /// <summary>The invitation email failed permanently (SMTP 5xx).</summary>
    Bounced = 6,
}

namespace EventHub.Core.Data;

public enum OutboundEmailStatus
{
    /// <summary>Waiting to be sent (first attempt, or a retry after a temporary failure).</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher; a claim that outlives <see cref="OutboundEmail.ClaimExpiresAtUtc"/> is taken over.</summary>
    Sending = 1,
    Sent = 2,

    /// <summary>Refused permanently (SMTP 5xx) or out of retries; <see cref="OutboundEmail.LastError"/> says why.</summary>
    Failed = 3,
}

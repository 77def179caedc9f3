namespace EventHub.Core.Data;

public enum RegistrationStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
    Waitlisted = 3,
    Cancelled = 4,

    /// <summary>Waitlisted and offered a freed place until <see cref="Registration.OfferExpiresAtUtc"/>.</summary>
    Offered = 5,
}

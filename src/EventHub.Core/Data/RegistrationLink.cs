namespace EventHub.Core.Data;

/// <summary>One personal link to the attendee's own page: only the SHA-256 of its token is stored.</summary>
public class RegistrationLink
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

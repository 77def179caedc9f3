namespace EventHub.Core.Data;

/// <summary>One personal link of an invitation: the SHA-256 of its token, never the token.</summary>
public class InvitationLink
{
    public Guid Id { get; set; }
    public Guid InvitationId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

namespace EventHub.Core.Data;

/// <summary>
/// The do-not-contact list after a person's erasure: only the SHA-256 of the normalised address is kept, the minimum
/// needed to honour the request without holding the address itself.
/// </summary>
public class SuppressedAddress
{
    public Guid Id { get; set; }
    public required string EmailHash { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Reason { get; set; }
}

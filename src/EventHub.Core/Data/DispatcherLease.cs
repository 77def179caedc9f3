namespace EventHub.Core.Data;

/// <summary>
/// A short lease that one node holds while it counts and claims under the relay's rate limit, so that two nodes
/// cannot both spend the same minute's budget. Taken and released with conditional updates, on every provider.
/// </summary>
public class DispatcherLease
{
    public const string Relay = "relay";

    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }
}

namespace EventHub.Core.Data;

/// <summary>A foundation, council, institution or office: organisers, co-organisers, hosts, and the employers of experts.</summary>
public class Organisation
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }

    /// <summary>Other names the organisation is known by; the non-attribution check matches them too.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Email domains of its staff (lower case, without '@'), used to flag registrations whose address does not match.</summary>
    public List<string> EmailDomains { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
}

namespace EventHub.Core.Data;

public enum Sector
{
    EuInstitution = 0,
    Nato = 1,
    NationalGovernment = 2,
    Parliament = 3,
    Academia = 4,
    ThinkTank = 5,
    Media = 6,
    PrivateSector = 7,
    CivilSociety = 8,
    Other = 9,

    /// <summary>An intergovernmental organisation other than NATO and the EU (UN, OSCE, OECD, Council of Europe, …).</summary>
    InternationalOrganisation = 10,
}

/// <summary>An expert in an organisation's directory: whom its organisers may invite.</summary>
public class Contact
{
    public Guid Id { get; set; }

    /// <summary>Whose directory this is: the organisation whose staff keep and invite from it.</summary>
    public Guid DirectoryOrganisationId { get; set; }
    public Organisation? DirectoryOrganisation { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }

    /// <summary>Trimmed, lower-case <see cref="Email"/>: unique within a directory.</summary>
    public required string NormalizedEmail { get; set; }

    /// <summary>The expert's employer when it is a known organisation (so its acronym and aliases are known).</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>The employer's name as written, when it is not (yet) a known organisation.</summary>
    public string? OrganisationName { get; set; }

    public Sector Sector { get; set; } = Sector.Other;
    public string? Position { get; set; }
    public string? Country { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? Notes { get; set; }

    /// <summary>The language EventHub writes to this person in (en, fr, de): invitations, emails and their pages.</summary>
    public string PreferredLanguage { get; set; } = Localization.Languages.Default;

    /// <summary>Never invite: set by the person through the link in every email, or by an organiser.</summary>
    public bool DoNotContact { get; set; }
    public DateTime? DoNotContactSinceUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

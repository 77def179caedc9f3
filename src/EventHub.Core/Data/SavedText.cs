namespace EventHub.Core.Data;

/// <summary>What a saved text is for: the invitation's subject and message, or a message to registrants.</summary>
public enum SavedTextKind
{
    Invitation = 0,
    Message = 1,
}

/// <summary>
/// An invitation or email text an organisation keeps, so organisers start a new meeting's texts from the last one
/// instead of typing them again. Per language: the same name may exist once per <see cref="Language"/>.
/// </summary>
public class SavedText
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public SavedTextKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The text's language as a short tag ("en", "fr", "de").</summary>
    public string Language { get; set; } = "en";

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public string? SavedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

namespace EventHub.Core.Data;

/// <summary>A text an organiser wrote, in one language other than English: a reminder's or a message's subject and body.</summary>
public class LocalizedText
{
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Message { get; set; }
}

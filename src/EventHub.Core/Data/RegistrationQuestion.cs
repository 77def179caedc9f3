namespace EventHub.Core.Data;

/// <summary>A custom question on an event's registration form.</summary>
public class RegistrationQuestion
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public required string Label { get; set; }
    public QuestionKind Kind { get; set; }
    public List<string> Options { get; set; } = [];
    public bool Required { get; set; }
    public int SortOrder { get; set; }
}

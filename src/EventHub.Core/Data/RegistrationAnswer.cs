namespace EventHub.Core.Data;

public class RegistrationAnswer
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public Guid QuestionId { get; set; }

    /// <summary>The answer; for multiple choice, the chosen options one per line.</summary>
    public required string Value { get; set; }
}

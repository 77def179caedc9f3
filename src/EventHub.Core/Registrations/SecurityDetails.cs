namespace EventHub.Core.Registrations;

/// <summary>What building security may require: sensitive, encrypted at rest, shown only to the event's organisers and vetters.</summary>
public sealed record SecurityDetails(DateOnly? DateOfBirth, string? Nationality, string? DocumentType, string? DocumentNumber)
{
    public bool IsComplete => DateOfBirth is not null && !string.IsNullOrWhiteSpace(Nationality) && !string.IsNullOrWhiteSpace(DocumentType) && !string.IsNullOrWhiteSpace(DocumentNumber);
}

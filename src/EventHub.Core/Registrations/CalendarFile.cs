namespace EventHub.Core.Registrations;

/// <summary>A calendar entry (.ics) as a file.</summary>
public sealed record CalendarFile(byte[] Content, string FileName);

using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace EventHub.Core.Features.Registrations;

/// <summary>What building security may require: sensitive, encrypted at rest, shown only to the event's organisers and vetters.</summary>
public sealed record SecurityDetails(DateOnly? DateOfBirth, string? Nationality, string? DocumentType, string? DocumentNumber)
{
    public bool IsComplete => DateOfBirth is not null && !string.IsNullOrWhiteSpace(Nationality) && !string.IsNullOrWhiteSpace(DocumentType) && !string.IsNullOrWhiteSpace(DocumentNumber);
}

/// <summary>Encrypts and decrypts <see cref="SecurityDetails"/> with ASP.NET Core Data Protection (keys in the database).</summary>
public sealed class SecurityData(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("EventHub.Registration.SecurityData.v1");

    public string? Protect(SecurityDetails? details) => details is null ? null : protector.Protect(JsonSerializer.Serialize(details));

    public SecurityDetails? Unprotect(string? protectedData) => string.IsNullOrEmpty(protectedData) ? null : JsonSerializer.Deserialize<SecurityDetails>(protector.Unprotect(protectedData));
}

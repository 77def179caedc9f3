using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace EventHub.Core.Registrations;

/// <summary>Encrypts and decrypts <see cref="SecurityDetails"/> with ASP.NET Core Data Protection (keys in the database).</summary>
public sealed class SecurityData(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("EventHub.Registration.SecurityData.v1");

    public string? Protect(SecurityDetails? details) => details is null ? null : protector.Protect(JsonSerializer.Serialize(details));

    public SecurityDetails? Unprotect(string? protectedData) => string.IsNullOrEmpty(protectedData) ? null : JsonSerializer.Deserialize<SecurityDetails>(protector.Unprotect(protectedData));
}

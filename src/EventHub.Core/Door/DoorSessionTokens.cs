using System.Security.Cryptography;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Door;

/// <summary>
/// The offline door's credential: a 32-byte random token held by the device (only its SHA-256 is stored) and the 32-byte
/// key that encrypts the device's copy of the door list (kept protected with Data Protection, given only to the session).
/// </summary>
public sealed class DoorSessionTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("EventHub.DoorSession");

    public (string Token, string TokenHash, string ProtectedListKey) Create()
    {
        var (token, hash) = PersonalToken.Create();
        return (token, hash, protector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    /// <summary>The list key as base64, for the device that holds the session.</summary>
    public string ListKey(DoorSession session) => protector.Unprotect(session.ProtectedListKey);

    /// <summary>The session this token opens: not revoked and not expired; otherwise null (the device then erases its list).</summary>
    public async Task<DoorSession?> FindLiveAsync(EventHubDbContext db, string? token, CancellationToken ct)
    {
        if (!PersonalToken.LooksValid(token))
        {
            return null;
        }

        var hash = PersonalToken.Hash(token!);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.DoorSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.TokenHash == hash && s.RevokedAtUtc == null && s.ExpiresAtUtc > now, ct);
    }
}

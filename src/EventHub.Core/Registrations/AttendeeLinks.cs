using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Registrations;

/// <summary>
/// Personal links to the attendee's own page (/r/{token}): 32 random bytes, only the SHA-256 stored. Each email that needs
/// the link issues a new one; earlier links keep working.
/// </summary>
public sealed class AttendeeLinks(LinkBuilder links, TimeProvider clock)
{
    /// <summary>Adds a new link for the registration to the caller's context and returns its absolute address. The caller saves.</summary>
    public string Issue(EventHubDbContext db, Guid registrationId)
    {
        var (token, hash) = PersonalToken.Create();
        db.RegistrationLinks.Add(new RegistrationLink { Id = Guid.CreateVersion7(), RegistrationId = registrationId, TokenHash = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        return links.Absolute($"r/{token}");
    }

    /// <summary>The registration behind a link, or null for anything that is not one (the page then says only that).</summary>
    public static async Task<Registration?> FindAsync(EventHubDbContext db, string? token, CancellationToken ct)
    {
        if (!PersonalToken.LooksValid(token))
        {
            return null;
        }

        var hash = PersonalToken.Hash(token!);
        return await db.Registrations
            .Include(r => r.Event).ThenInclude(e => e!.Organisation)
            .Where(r => r.Links.Any(l => l.TokenHash == hash))
            .SingleOrDefaultAsync(ct);
    }
}

using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Passes;

/// <summary>What a pass shows: the QR code (SVG) and, in words, who it admits to what, when and where.</summary>
public sealed record AccessPassView(
    string Name, string? OrganisationName, string EventTitle, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZoneId,
    string? Venue, string? City, string Token, string QrSvg, DateTime IssuedAtUtc);

/// <summary>
/// The attendee's own pass, through their personal link: only while the registration is approved and a live pass exists.
/// </summary>
public sealed class GetAccessPass(IDbContextFactory<EventHubDbContext> dbFactory, AccessPasses passes)
{
    public async Task<AccessPassView?> ExecuteAsync(string? attendeeToken, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await AttendeeLinks.FindAsync(db, attendeeToken, ct);
        if (r is null || r.Status != RegistrationStatus.Approved)
        {
            return null;
        }

        var pass = await db.AccessPasses.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == r.Id && p.VoidedAtUtc == null, ct);
        if (pass is null)
        {
            return null;
        }

        var token = passes.Token(pass);
        var e = r.Event!;
        return new AccessPassView(r.Name, r.OrganisationName, e.Title, e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId, e.Venue, e.City, token, AccessPasses.Svg(token), pass.IssuedAtUtc);
    }
}

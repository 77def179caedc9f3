using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>What the person sees behind their consent link: the event, how they would be named, and for what.</summary>
public sealed record ConsentRequestView(
    string EventTitle, string Organiser, DateTime StartsAtUtc, string TimeZoneId,
    string Name, string? Affiliation, ConsentScope Scope, IReadOnlyList<string> AgendaItems, ConsentStatus Status);

/// <summary>Opens /consent/{token}: null for anything that is not a valid, current link.</summary>
public sealed class OpenConsentRequest(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<ConsentRequestView?> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var consent = await FindAsync(db, token, ct);
        if (consent is null)
        {
            return null;
        }

        var e = await db.Events.AsNoTracking().Include(x => x.Organisation).SingleAsync(x => x.Id == consent.EventId, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(a => consent.AgendaItemIds.Contains(a.Id)).OrderBy(a => a.StartsAtUtc).Select(a => a.Title).ToListAsync(ct);
        return new ConsentRequestView(e.Title, e.Organisation?.Name ?? "", e.StartsAtUtc, e.TimeZoneId, consent.Name, consent.Affiliation, consent.Scope, items, consent.Status);
    }

    internal static async Task<OnRecordConsent?> FindAsync(EventHubDbContext db, string? token, CancellationToken ct)
    {
        if (!PersonalToken.LooksValid(token))
        {
            return null;
        }

        var hash = PersonalToken.Hash(token!);
        return await db.OnRecordConsents.SingleOrDefaultAsync(c => c.RequestTokenHash == hash, ct);
    }
}

using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>One recipient's copy and its delivery: the status of the latest outbox message sent to them.</summary>
public sealed record RecipientDelivery(Guid RecipientId, string Name, string Email, string Reference, OutboundEmailStatus? Status, DateTime? SentAtUtc, string? LastError, int Attempts, Guid? OutboundEmailId);

public sealed record CirculationSummary(Guid Id, int VersionNumber, IReadOnlyList<CirculationAudience> Audiences, DateTime AtUtc, string? ByName, IReadOnlyList<RecipientDelivery> Recipients)
{
    public int Count(OutboundEmailStatus status) => Recipients.Count(r => r.Status == status);
}

/// <summary>The report's circulations, newest first, with each recipient's reference and delivery status. Organisers only.</summary>
public sealed class ListCirculations(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<CirculationSummary>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<IReadOnlyList<CirculationSummary>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reportId = await db.Reports.Where(r => r.EventId == eventId).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
        if (reportId is null)
        {
            return Outcome<IReadOnlyList<CirculationSummary>>.NotFound();
        }

        var circulations = await db.ReportCirculations.AsNoTracking().Include(c => c.Recipients)
            .Where(c => c.ReportId == reportId).OrderByDescending(c => c.AtUtc).ToListAsync(ct);
        var emailIds = circulations.SelectMany(c => c.Recipients).Where(r => r.OutboundEmailId != null).Select(r => r.OutboundEmailId!.Value).ToList();
        var emails = await db.OutboundEmails.AsNoTracking().Where(m => emailIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Status, m.SentAtUtc, m.LastError, m.Attempts })
            .ToDictionaryAsync(m => m.Id, ct);
        return Outcome<IReadOnlyList<CirculationSummary>>.Success(circulations.Select(c => new CirculationSummary(c.Id, c.VersionNumber, c.Audiences, c.AtUtc, c.ByName,
            c.Recipients.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Select(r =>
            {
                var m = r.OutboundEmailId is { } id && emails.TryGetValue(id, out var found) ? found : null;
                return new RecipientDelivery(r.Id, r.Name, r.Email, r.Reference, m?.Status, m?.SentAtUtc, m?.LastError, m?.Attempts ?? 0, r.OutboundEmailId);
            }).ToList())).ToList());
    }
}

using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Passes;

/// <summary>The state of a registration's passes, for the team's registration page.</summary>
public sealed record PassStatus(bool HasLivePass, DateTime? IssuedAtUtc, IReadOnlyList<(DateTime IssuedAtUtc, DateTime VoidedAtUtc, string? Reason)> Void, DateTime? CheckedInAtUtc);

/// <summary>For the event's organisers (and vetters, who see the registration): whether the pass is live, its history, the check-in.</summary>
public sealed class GetPassStatus(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<PassStatus>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid registrationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Vet))
        {
            return Outcome<PassStatus>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Registrations.AnyAsync(r => r.Id == registrationId && r.EventId == eventId, ct))
        {
            return Outcome<PassStatus>.NotFound();
        }

        var all = await db.AccessPasses.AsNoTracking().Where(p => p.RegistrationId == registrationId).OrderBy(p => p.IssuedAtUtc).ToListAsync(ct);
        var live = all.FirstOrDefault(p => p.VoidedAtUtc is null);
        var checkedIn = await db.CheckIns.Where(c => c.RegistrationId == registrationId).Select(c => (DateTime?)c.AtUtc).FirstOrDefaultAsync(ct);
        return Outcome<PassStatus>.Success(new PassStatus(live is not null, live?.IssuedAtUtc,
            all.Where(p => p.VoidedAtUtc is not null).Select(p => (p.IssuedAtUtc, p.VoidedAtUtc!.Value, p.VoidReason)).ToList(), checkedIn));
    }
}

using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Door;

public sealed record DoorSearchHit(Guid RegistrationId, string Name, string? OrganisationName, RegistrationStatus Status, DateTime? CheckedInAtUtc);

/// <summary>
/// Search by name at the door. Door staff find approved attendees only; an organiser may ask for every registration of the
/// event (<c>everyone</c>), to admit a problem case with a reason.
/// </summary>
public sealed class SearchDoorList(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public const int MaxHits = 20;
    public const int MaxQueryLength = 200;

    public async Task<Outcome<IReadOnlyList<DoorSearchHit>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, string? query, bool everyone = false, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, everyone ? EventPermission.Edit : EventPermission.CheckIn))
        {
            return Outcome<IReadOnlyList<DoorSearchHit>>.Forbidden();
        }

        var q = query?.Trim() ?? "";
        if (q.Length < 2)
        {
            return Outcome<IReadOnlyList<DoorSearchHit>>.Invalid("query", "Type at least two letters of the name.");
        }

        if (q.Length > MaxQueryLength)
        {
            return Outcome<IReadOnlyList<DoorSearchHit>>.Invalid("query", $"A name search can be at most {MaxQueryLength} characters.");
        }

        // LIKE wildcards typed at the door are taken literally. Lower-cased on both sides for Latin names; also as typed,
        // because SQLite's lower() and LIKE fold only ASCII: "Παπαδόπουλος" must find Παπαδόπουλος there too.
        var pattern = Contains(q.ToLowerInvariant());
        var asTyped = Contains(q);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId);
        if (!everyone)
        {
            rows = rows.Where(r => r.Status == RegistrationStatus.Approved);
        }

        var hits = await rows
            .Where(r => EF.Functions.Like(r.Name.ToLower(), pattern, "\\") || EF.Functions.Like(r.Name, asTyped, "\\")
                        || (r.OrganisationName != null && (EF.Functions.Like(r.OrganisationName.ToLower(), pattern, "\\") || EF.Functions.Like(r.OrganisationName, asTyped, "\\"))))
            .OrderBy(r => r.Name)
            .Take(MaxHits)
            .Select(r => new DoorSearchHit(r.Id, r.Name, r.OrganisationName, r.Status,
                db.CheckIns.Where(c => c.RegistrationId == r.Id).Select(c => (DateTime?)c.AtUtc).FirstOrDefault()))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<DoorSearchHit>>.Success(hits);
    }

    private static string Contains(string text) => "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}

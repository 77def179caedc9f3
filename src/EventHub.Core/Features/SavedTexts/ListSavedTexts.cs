using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.SavedTexts;

public sealed record SavedTextItem(Guid Id, string Name, string Language, string Subject, string Body, string? SavedByName, DateTime UpdatedAtUtc);

/// <summary>The invitation or message texts the event's organisation keeps, by name and language.</summary>
public sealed class ListSavedTexts(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<SavedTextItem>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, SavedTextKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SavedTextAccess.OrganisationOfAsync(authorization, db, actor, eventId, ct) is not { } organisationId)
        {
            return Outcome<IReadOnlyList<SavedTextItem>>.Forbidden();
        }

        var texts = await db.SavedTexts.AsNoTracking().Where(t => t.OrganisationId == organisationId && t.Kind == kind)
            .OrderBy(t => t.Name).ThenBy(t => t.Language)
            .Select(t => new SavedTextItem(t.Id, t.Name, t.Language, t.Subject, t.Body, t.SavedByName, t.UpdatedAtUtc))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<SavedTextItem>>.Success(texts);
    }
}

using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.SavedTexts;

/// <summary>Removes one of the organisation's saved texts.</summary>
public sealed class DeleteSavedText(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid textId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SavedTextAccess.OrganisationOfAsync(authorization, db, actor, eventId, ct) is not { } organisationId)
        {
            return Outcome.Forbidden();
        }

        var text = await db.SavedTexts.SingleOrDefaultAsync(t => t.Id == textId && t.OrganisationId == organisationId, ct);
        if (text is null)
        {
            return Outcome.NotFound();
        }

        db.SavedTexts.Remove(text);
        audit.Record(db, actor, "saved-text.deleted", eventId, nameof(SavedText), text.Id.ToString(), $"{text.Kind} text “{text.Name}” ({text.Language})");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}

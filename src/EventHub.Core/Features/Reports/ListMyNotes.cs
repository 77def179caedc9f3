using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

public sealed record ReportNoteRow(Guid Id, string Text, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

/// <summary>The current user's own notes for an event, newest first. Nobody else's notes, administrators included: notes are private and never circulated.</summary>
public sealed class ListMyNotes(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization)
{
    public async Task<Outcome<IReadOnlyList<ReportNoteRow>>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, CancellationToken ct = default)
    {
        var userId = ReportRules.UserId(actor);
        if (userId is null || !await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<IReadOnlyList<ReportNoteRow>>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notes = await db.ReportNotes.AsNoTracking()
            .Where(n => n.EventId == eventId && n.AuthorUserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc)
            .Select(n => new ReportNoteRow(n.Id, n.Text, n.CreatedAtUtc, n.UpdatedAtUtc))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<ReportNoteRow>>.Success(notes);
    }
}

using System.Security.Claims;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>
/// Creates (no id) or updates one of the author's own private notes; the notes page calls it as the rapporteur types
/// (autosave). Someone else's note is "not found", whoever asks. Not audited: the content is private by design.
/// </summary>
public sealed class SaveNote(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, TimeProvider clock)
{
    public const int MaxLength = 100_000;

    public async Task<Outcome<ReportNoteRow>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid? noteId, string text, CancellationToken ct = default)
    {
        var userId = ReportRules.UserId(actor);
        if (userId is null || !await authorization.CanAsync(actor, eventId, EventPermission.DraftReport))
        {
            return Outcome<ReportNoteRow>.Forbidden();
        }

        text ??= "";
        if (text.Length > MaxLength)
        {
            return Outcome<ReportNoteRow>.Invalid("Text", $"A note can be at most {MaxLength:N0} characters; start another note.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        ReportNote? note;
        if (noteId is { } id)
        {
            note = await db.ReportNotes.SingleOrDefaultAsync(n => n.Id == id && n.EventId == eventId && n.AuthorUserId == userId, ct);
            if (note is null)
            {
                return Outcome<ReportNoteRow>.NotFound();
            }

            note.Text = text;
            note.UpdatedAtUtc = now;
        }
        else
        {
            note = new ReportNote { Id = Guid.CreateVersion7(), EventId = eventId, AuthorUserId = userId, Text = text, CreatedAtUtc = now, UpdatedAtUtc = now };
            db.ReportNotes.Add(note);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<ReportNoteRow>.Success(new ReportNoteRow(note.Id, note.Text, note.CreatedAtUtc, note.UpdatedAtUtc));
    }
}

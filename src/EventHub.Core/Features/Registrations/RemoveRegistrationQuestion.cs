using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>Removes a custom question, with the answers already given to it.</summary>
public sealed class RemoveRegistrationQuestion(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid questionId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = await db.RegistrationQuestions.SingleOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct);
        if (question is null)
        {
            return Outcome.NotFound();
        }

        // Answers do not cascade from their question (SQL Server refuses a second cascade path): remove them first.
        db.RegistrationAnswers.RemoveRange(await db.RegistrationAnswers.Where(a => a.QuestionId == questionId).ToListAsync(ct));
        db.RegistrationQuestions.Remove(question);
        audit.Record(db, actor, "question.removed", eventId, nameof(RegistrationQuestion), questionId.ToString(), question.Label);
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}

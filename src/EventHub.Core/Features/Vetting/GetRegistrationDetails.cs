using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Vetting;

public sealed record RegistrationAnswerView(string Question, string Answer);

public sealed record RegistrationDetails(
    Registration Registration, SecurityDetails? Security, IReadOnlyList<RegistrationAnswerView> Answers, IReadOnlyList<RegistrationApproval> Decisions, string? NominatedBy)
{
    /// <summary>Security data is on file (whether or not this viewer may read it).</summary>
    public bool HasSecurityData => Registration.ProtectedSecurityData is not null;
}

/// <summary>
/// One registration as its vetters see it. Only those who vet (Vet permission) may open it, and only through its own event:
/// an id from another event is refused. The decrypted security data is there for organisers only (ViewSecurityData), and
/// every opening of it is audited.
/// </summary>
public sealed class GetRegistrationDetails(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, SecurityData security, AuditLog audit)
{
    public async Task<Outcome<RegistrationDetails>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid registrationId, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Vet))
        {
            return Outcome<RegistrationDetails>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Registrations.AsNoTracking()
            .Include(x => x.Answers)
            .Include(x => x.Approvals.OrderBy(a => a.AtUtc))
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null)
        {
            return Outcome<RegistrationDetails>.NotFound();
        }

        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ToListAsync(ct);
        var answers = questions
            .Select(q => new RegistrationAnswerView(q.Label, r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value ?? "—"))
            .ToList();
        string? nominatedBy = null;
        if (r.NominatedByInvitationId is { } invitationId)
        {
            nominatedBy = await db.Invitations.Where(i => i.Id == invitationId).Select(i => i.Contact!.Name).SingleOrDefaultAsync(ct);
        }

        var details = r.ProtectedSecurityData is not null && await authorization.CanAsync(actor, eventId, EventPermission.ViewSecurityData)
            ? security.Unprotect(r.ProtectedSecurityData)
            : null;
        if (details is not null)
        {
            audit.Record(db, actor, "registration.security-data-viewed", eventId, nameof(Registration), r.Id.ToString(), r.Name);
            await db.SaveChangesAsync(ct);
        }

        return Outcome<RegistrationDetails>.Success(new RegistrationDetails(r, details, answers, r.Approvals, nominatedBy));
    }
}

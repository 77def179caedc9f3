using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Passes;

public sealed class RevokePassForm
{
    [Required(ErrorMessage = "Give the reason for revoking the pass (kept in the audit log).")]
    [StringLength(500, ErrorMessage = "The reason can be at most 500 characters.")]
    public string? Reason { get; set; }
}

/// <summary>An organiser revokes a registration's live access pass, with a reason (audited). The door then refuses it.</summary>
public sealed class RevokeAccessPass(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AccessPasses passes, AuditLog audit)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, Guid registrationId, RevokePassForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await db.Registrations.SingleOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
        if (r is null)
        {
            return Outcome.NotFound();
        }

        var reason = form.Reason!.Trim();
        if (await passes.VoidAsync(db, r.Id, $"Revoked: {reason}", ct) == 0)
        {
            return Outcome.Conflict($"{r.Name} has no valid pass to revoke.");
        }

        audit.Record(db, actor, "pass.revoked", eventId, nameof(Registration), r.Id.ToString(), $"Access pass of {r.Name} revoked: {reason}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}

using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

public sealed class UpdateEvent(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, EventForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.Events.Include(e => e.CoOrganisers).SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (entity is null)
        {
            return Outcome.NotFound();
        }

        // The owner does not change through the form.
        form.OrganisationId = entity.OrganisationId;
        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        var references = await EventReferences.LoadAsync(db, form, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        if (entity.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            return Outcome.Conflict("Someone else saved this event after you opened it. Reload to see their changes; your edits are still in the form.");
        }

        form.ApplyTo(entity, references);
        entity.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        entity.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "event.updated", entity.Id, nameof(Event), entity.Id.ToString(), entity.Title);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("Someone else saved this event at the same moment. Reload to see their changes; your edits are still in the form.");
        }

        form.ConcurrencyStamp = entity.ConcurrencyStamp;
        return Outcome.Success();
    }
}

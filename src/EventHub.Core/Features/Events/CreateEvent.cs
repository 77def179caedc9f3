using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

/// <summary>A staff member creates an event for their organisation and becomes its first organiser.</summary>
public sealed class CreateEvent(IDbContextFactory<EventHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    /// <summary>The organisation a new event of this user belongs to, so the form can show it (null for administrators without one).</summary>
    public async Task<Guid?> OwnerFor(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(ct);
    }

    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, EventForm form, CancellationToken ct = default)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        var isAdmin = actor.IsInRole(Roles.Administrator);
        if (user is null || (!isAdmin && user.OrganisationId is null))
        {
            // Only staff of an organisation (or administrators) create events.
            return Outcome<Guid>.Forbidden();
        }

        if (!isAdmin)
        {
            form.OrganisationId = user.OrganisationId;
        }

        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        if (form.OrganisationId is null)
        {
            errors[nameof(EventForm.OrganisationId)] = ["Choose the organisation that runs the event."];
        }

        var references = await EventReferences.LoadAsync(db, form, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new Event
        {
            Id = Guid.CreateVersion7(),
            Title = "",
            TimeZoneId = form.TimeZoneId!,
            OrganisationId = form.OrganisationId!.Value,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        form.ApplyTo(entity, references);
        db.Events.Add(entity);
        db.ReminderRules.AddRange(Reminders.ReminderSchedule.Defaults(entity.Id, now));
        db.EventTeamMembers.Add(new EventTeamMember { Id = Guid.CreateVersion7(), EventId = entity.Id, UserId = userId, Role = EventRole.Organiser, AddedAtUtc = now });
        audit.Record(db, actor, "event.created", entity.Id, nameof(Event), entity.Id.ToString(), entity.Title);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(entity.Id);
    }
}

internal static class EventReferences
{
    /// <summary>Loads the co-organisers and checks that every referenced organisation exists; problems are added to <paramref name="errors"/>.</summary>
    public static async Task<List<Organisation>> LoadAsync(EventHubDbContext db, EventForm form, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var ids = form.CoOrganiserIds.Distinct().ToList();
        var coOrganisers = await db.Organisations.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        if (coOrganisers.Count != ids.Count)
        {
            errors[nameof(EventForm.CoOrganiserIds)] = ["One of the co-organisers no longer exists."];
        }

        if (form.OrganisationId is { } owner && ids.Contains(owner))
        {
            errors[nameof(EventForm.CoOrganiserIds)] = ["The organisation that runs the event cannot also be its co-organiser."];
        }

        if (form.OrganisationId is { } orgId && !await db.Organisations.AnyAsync(o => o.Id == orgId, ct))
        {
            errors[nameof(EventForm.OrganisationId)] = ["That organisation does not exist."];
        }

        if (form.HostOrganisationId is { } hostId && !await db.Organisations.AnyAsync(o => o.Id == hostId, ct))
        {
            errors[nameof(EventForm.HostOrganisationId)] = ["That organisation does not exist."];
        }

        return coOrganisers;
    }
}

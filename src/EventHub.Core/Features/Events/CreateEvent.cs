using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

/// <summary>
/// A staff member who may create events for an organisation (<see cref="OrganisationRole.CreatesEvents"/>) creates one
/// for it and becomes its first organiser. Administrators create events for any organisation.
/// </summary>
public sealed class CreateEvent(IDbContextFactory<EventHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    /// <summary>The organisations this user may create events for, their own organisation first (administrators: see the form's list).</summary>
    public async Task<IReadOnlyList<Guid>> OwnersFor(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrganisationsWhereHeldAsync(userId, OrganisationRole.CreatesEvents, ct);
    }

    /// <summary>The organisation a new event of this user belongs to by default, so the form can show it (null when there is none to choose).</summary>
    public async Task<Guid?> OwnerFor(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        var owners = await OwnersFor(actor, ct);
        if (owners.Count > 0)
        {
            return owners[0];
        }

        // Administrators without a grant start from their own organisation, if any.
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
        if (user is null)
        {
            return Outcome<Guid>.Forbidden();
        }

        if (!actor.IsInRole(Roles.Administrator))
        {
            var owners = await OwnersFor(actor, ct);
            if (owners.Count == 0)
            {
                // Only those an organisation lets create events (and administrators) create them.
                return Outcome<Guid>.Forbidden();
            }

            form.OrganisationId ??= owners[0];
            if (!owners.Contains(form.OrganisationId.Value))
            {
                return Outcome<Guid>.Invalid(nameof(EventForm.OrganisationId), "You may not create events for that organisation: choose one that lets you.");
            }
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

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

/// <summary>The new event's title and date; everything else comes from the event it is copied from.</summary>
public sealed class CopyEventForm
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(300, ErrorMessage = "The title can be at most 300 characters.")]
    public string? Title { get; set; }

    /// <summary>The new event's first day, in the event's time zone; its times of day stay those of the previous event.</summary>
    [Required(ErrorMessage = "Enter the new event's date.")]
    public DateOnly? StartsOn { get; set; }

    /// <summary>The organisation that runs the new event; empty: the previous event's, if the user may create events for it.</summary>
    public Guid? OrganisationId { get; set; }
}

/// <summary>
/// "New event from a previous one": copies the agenda (moved to the new date at the same times of day in the event's
/// time zone, so a daylight-saving change in between keeps 10:00 at 10:00), the team, the registration form and its
/// questions, the reminders, the approver and report reviewer groups, the door's settings (name cards, check-in per session), the access-list settings, the retention policy
/// and the registration tags' names. Never people's data: no registrations, invitations, contacts, check-ins, consents,
/// documents, report or emails. Allowed to those who may create events for the target organisation and see the source.
/// </summary>
public sealed class CopyEvent(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, CreateEvent create, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid sourceEventId, CopyEventForm form, CancellationToken ct = default)
    {
        var userId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !await authorization.CanAsync(actor, sourceEventId, EventPermission.View))
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Events.AsNoTracking().Include(e => e.CoOrganisers).Include(e => e.AgendaItems).Include(e => e.Team)
            .AsSplitQuery().SingleOrDefaultAsync(e => e.Id == sourceEventId, ct);
        if (source is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var administrator = actor.IsInRole(Roles.Administrator);
        var owners = await create.OwnersFor(actor, ct);
        if (!administrator && owners.Count == 0)
        {
            return Outcome<Guid>.Forbidden();
        }

        var organisationId = form.OrganisationId
                             ?? (administrator || owners.Contains(source.OrganisationId) ? source.OrganisationId : owners[0]);
        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        if (!administrator && !owners.Contains(organisationId))
        {
            errors[nameof(CopyEventForm.OrganisationId)] = ["You may not create events for that organisation: choose one that lets you."];
        }
        else if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors[nameof(CopyEventForm.OrganisationId)] = ["That organisation does not exist."];
        }

        var days = form.StartsOn is { } on ? on.DayNumber - DateOnly.FromDateTime(EventTime.ToLocal(source.StartsAtUtc, source.TimeZoneId)).DayNumber : 0;
        if (form.StartsOn is { } day && !EventTime.IsPlausible(day.ToDateTime(TimeOnly.MinValue)))
        {
            errors[nameof(CopyEventForm.StartsOn)] = [EventTime.ImplausibleMessage];
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        DateTime Shift(DateTime utc) => ShiftDays(utc, source.TimeZoneId, days);
        var now = clock.GetUtcNow().UtcDateTime;
        var coOrganiserIds = source.CoOrganisers.Select(o => o.Id).Where(id => id != organisationId).ToList();
        var copy = new Event
        {
            Id = Guid.CreateVersion7(),
            Title = form.Title!.Trim(),
            Description = source.Description,
            StartsAtUtc = Shift(source.StartsAtUtc),
            EndsAtUtc = Shift(source.EndsAtUtc),
            TimeZoneId = source.TimeZoneId,
            Venue = source.Venue,
            City = source.City,
            Capacity = source.Capacity,
            HostName = source.HostName,
            HostOrganisationId = source.HostOrganisationId,
            OrganisationId = organisationId,
            CoOrganisers = await db.Organisations.Where(o => coOrganiserIds.Contains(o.Id)).ToListAsync(ct),
            Status = EventStatus.Draft,
            ApproverGroups = [.. source.ApproverGroups],
            ReportReviewerGroups = [.. source.ReportReviewerGroups],
            NameCardsShowOrganisation = source.NameCardsShowOrganisation,
            CheckInPerAgendaItem = source.CheckInPerAgendaItem,
            RequireSecurityData = source.RequireSecurityData,
            RequireInviteeName = source.RequireInviteeName,
            AllowRequests = source.AllowRequests,
            EditCutoffUtc = source.EditCutoffUtc is { } cutoff ? Shift(cutoff) : null,
            WaitlistOfferHours = source.WaitlistOfferHours,
            EntranceInstructions = source.EntranceInstructions,
            AccessListFields = [.. source.AccessListFields],
            SecurityDataRetentionDays = source.SecurityDataRetentionDays,
            PersonalDataRetentionMonths = source.PersonalDataRetentionMonths,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Events.Add(copy);

        db.AgendaItems.AddRange(source.AgendaItems.Select(a => new AgendaItem
        {
            Id = Guid.CreateVersion7(), EventId = copy.Id, Title = a.Title, StartsAtUtc = Shift(a.StartsAtUtc),
            EndsAtUtc = a.EndsAtUtc is { } end ? Shift(end) : null, Confidentiality = a.Confidentiality, SortOrder = a.SortOrder,
        }));

        var team = source.Team.Select(t => new EventTeamMember
        {
            Id = Guid.CreateVersion7(), EventId = copy.Id, UserId = t.UserId, Role = t.Role, ApproverGroup = t.ApproverGroup, AddedAtUtc = now,
        }).ToList();
        if (!team.Any(t => t.UserId == userId && t.Role == EventRole.Organiser))
        {
            // Whoever copies an event organises the copy, as whoever creates one does.
            team.Add(new EventTeamMember { Id = Guid.CreateVersion7(), EventId = copy.Id, UserId = userId, Role = EventRole.Organiser, AddedAtUtc = now });
        }

        db.EventTeamMembers.AddRange(team);

        var questions = await db.RegistrationQuestions.AsNoTracking().Where(q => q.EventId == source.Id).ToListAsync(ct);
        db.RegistrationQuestions.AddRange(questions.Select(q => new RegistrationQuestion
        {
            Id = Guid.CreateVersion7(), EventId = copy.Id, Label = q.Label, Kind = q.Kind, Options = [.. q.Options], Required = q.Required, SortOrder = q.SortOrder,
        }));

        var reminders = await db.ReminderRules.AsNoTracking().Where(r => r.EventId == source.Id).ToListAsync(ct);
        db.ReminderRules.AddRange(reminders.Select(r => new ReminderRule
        {
            Id = Guid.CreateVersion7(), EventId = copy.Id, Kind = r.Kind, Enabled = r.Enabled, DaysAfterSending = r.DaysAfterSending, MaxNudges = r.MaxNudges,
            DaysBefore = r.DaysBefore, LocalTime = r.LocalTime, SendAtUtc = r.SendAtUtc is { } at ? Shift(at) : null, Audience = r.Audience,
            Subject = r.Subject, Message = r.Message, CreatedAtUtc = now,
        }));

        var tags = await db.RegistrationTags.AsNoTracking().Where(t => t.EventId == source.Id).ToListAsync(ct);
        db.RegistrationTags.AddRange(tags.Select(t => new RegistrationTag { Id = Guid.CreateVersion7(), EventId = copy.Id, Name = t.Name, Colour = t.Colour, CreatedAtUtc = now }));

        audit.Record(db, actor, "event.copied", copy.Id, nameof(Event), copy.Id.ToString(),
            $"{copy.Title}, from “{source.Title}”: {source.AgendaItems.Count} agenda items, {team.Count} team roles, {questions.Count} questions, {reminders.Count} reminders, {tags.Count} tags");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(copy.Id);
    }

    /// <summary>
    /// The same wall-clock time <paramref name="days"/> days later in the zone (so 10:00 stays 10:00 across a daylight-saving
    /// change); a time the clocks skip on the new day moves forward by the gap, as calendars do.
    /// </summary>
    public static DateTime ShiftDays(DateTime utc, string timeZoneId, int days)
    {
        var local = EventTime.ToLocal(utc, timeZoneId).AddDays(days);
        for (var minutes = 0; minutes <= 180; minutes += 15)
        {
            if (EventTime.ToUtc(local.AddMinutes(minutes), timeZoneId) is { } shifted)
            {
                return shifted;
            }
        }

        return utc.AddDays(days);
    }
}

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Events;

public sealed class AgendaItemForm
{
    /// <summary>Null to add a new item.</summary>
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Enter a title for the agenda item.")]
    [StringLength(300, ErrorMessage = "The title can be at most 300 characters.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter when the item starts.")]
    public DateTime? StartsLocal { get; set; }

    public DateTime? EndsLocal { get; set; }

    public ConfidentialityLevel Confidentiality { get; set; } = ConfidentialityLevel.ChathamHouse;
}

/// <summary>Adds or edits an agenda item; its times are in the event's time zone and must fall within the event.</summary>
public sealed class SaveAgendaItem(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, AgendaItemForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entity = await db.Events.SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (entity is null)
        {
            return Outcome<Guid>.NotFound();
        }

        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        DateTime? startUtc = null, endUtc = null;
        // The event lies within the plausible years, so a time outside them is not during it (and would not convert to UTC).
        if (form.StartsLocal is { } implausibleStart && !EventTime.IsPlausible(implausibleStart))
        {
            errors[nameof(form.StartsLocal)] = ["The item must start during the event."];
        }
        else if (form.StartsLocal is { } startLocal)
        {
            startUtc = EventTime.ToUtc(startLocal, entity.TimeZoneId);
            if (startUtc is null)
            {
                errors[nameof(form.StartsLocal)] = ["That time does not exist in the event's time zone (the clocks skip it)."];
            }
            else if (startUtc < entity.StartsAtUtc || startUtc >= entity.EndsAtUtc)
            {
                errors[nameof(form.StartsLocal)] = ["The item must start during the event."];
            }
        }

        if (form.EndsLocal is { } implausibleEnd && !EventTime.IsPlausible(implausibleEnd))
        {
            errors[nameof(form.EndsLocal)] = [implausibleEnd.Year > EventTime.LastYear ? "The item must end by the end of the event." : "The item must end after it starts."];
        }
        else if (form.EndsLocal is { } endLocal)
        {
            endUtc = EventTime.ToUtc(endLocal, entity.TimeZoneId);
            if (endUtc is null)
            {
                errors[nameof(form.EndsLocal)] = ["That time does not exist in the event's time zone (the clocks skip it)."];
            }
            else if (startUtc is not null && endUtc <= startUtc)
            {
                errors[nameof(form.EndsLocal)] = ["The item must end after it starts."];
            }
            else if (endUtc > entity.EndsAtUtc)
            {
                errors[nameof(form.EndsLocal)] = ["The item must end by the end of the event."];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        AgendaItem item;
        if (form.Id is { } id)
        {
            var existing = await db.AgendaItems.SingleOrDefaultAsync(a => a.Id == id && a.EventId == eventId, ct);
            if (existing is null)
            {
                return Outcome<Guid>.NotFound();
            }

            item = existing;
        }
        else
        {
            item = new AgendaItem { Id = Guid.CreateVersion7(), EventId = eventId, Title = "" };
            item.SortOrder = await db.AgendaItems.CountAsync(a => a.EventId == eventId, ct);
            db.AgendaItems.Add(item);
        }

        item.Title = form.Title!.Trim();
        item.StartsAtUtc = startUtc!.Value;
        item.EndsAtUtc = endUtc;
        item.Confidentiality = form.Confidentiality;
        audit.Record(db, actor, form.Id is null ? "agenda.added" : "agenda.updated", eventId, nameof(AgendaItem), item.Id.ToString(), $"{item.Title} ({item.Confidentiality})");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(item.Id);
    }
}

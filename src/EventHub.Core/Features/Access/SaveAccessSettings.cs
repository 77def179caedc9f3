using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Access;

public sealed class AccessSettingsForm
{
    /// <summary>The columns the venue's security requires.</summary>
    public List<AccessListField> Fields { get; set; } = [];

    [MaxLength(4000, ErrorMessage = "Keep the entrance instructions under 4,000 characters.")]
    public string? EntranceInstructions { get; set; }

    public static AccessSettingsForm From(Event e) => new()
    {
        Fields = AccessListColumns.Chosen(e.AccessListFields).ToList(),
        EntranceInstructions = e.EntranceInstructions,
    };
}

/// <summary>What the venue's security needs on the access list, and the entrance instructions approved attendees see.</summary>
public sealed class SaveAccessSettings(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, AccessSettingsForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome.Invalid(errors);
        }

        if (!form.Fields.Contains(AccessListField.Name))
        {
            return Outcome.Invalid(nameof(form.Fields), "The access list always needs the name: tick Name.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return Outcome.NotFound();
        }

        var fields = Enum.GetValues<AccessListField>().Where(form.Fields.Contains).ToList();
        e.AccessListFields = fields.Select(f => f.ToString()).ToList();
        e.EntranceInstructions = string.IsNullOrWhiteSpace(form.EntranceInstructions) ? null : form.EntranceInstructions.Trim();
        e.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        e.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, actor, "access.settings", eventId, nameof(Event), eventId.ToString(),
            $"access list: {string.Join(", ", fields)}; entrance instructions {(e.EntranceInstructions is null ? "none" : "set")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Success();
    }
}

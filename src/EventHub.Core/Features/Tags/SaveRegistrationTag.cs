using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Tags;

public sealed class TagForm
{
    /// <summary>The tag to rename or recolour; null for a new one.</summary>
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Name the tag, e.g. “Speaker”.")]
    [StringLength(40, ErrorMessage = "A tag's name can be at most 40 characters.")]
    public string? Name { get; set; }

    [EnumDataType(typeof(TagColour), ErrorMessage = "Choose one of the palette's colours.")]
    public TagColour Colour { get; set; } = TagColour.Blue;
}

/// <summary>Creates, renames or recolours one of the event's registration tags (the event's organisers).</summary>
public sealed class SaveRegistrationTag(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, TagForm form, CancellationToken ct = default)
    {
        if (!await authorization.CanAsync(actor, eventId, EventPermission.Edit))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = form.Name!.Trim();
        if (await db.RegistrationTags.AnyAsync(t => t.EventId == eventId && t.Name == name && t.Id != form.Id, ct))
        {
            return Outcome<Guid>.Invalid(nameof(TagForm.Name), $"This event already has a tag “{name}”.");
        }

        var tag = form.Id is { } id ? await db.RegistrationTags.SingleOrDefaultAsync(t => t.Id == id && t.EventId == eventId, ct) : null;
        if (form.Id is not null && tag is null)
        {
            return Outcome<Guid>.NotFound();
        }

        if (tag is null)
        {
            tag = new RegistrationTag { Id = Guid.CreateVersion7(), EventId = eventId, Name = name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.RegistrationTags.Add(tag);
        }

        tag.Name = name;
        tag.Colour = form.Colour;
        audit.Record(db, actor, form.Id is null ? "tag.created" : "tag.updated", eventId, nameof(RegistrationTag), tag.Id.ToString(), $"{name} ({TagPalette.Name(form.Colour)})");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(tag.Id);
    }
}

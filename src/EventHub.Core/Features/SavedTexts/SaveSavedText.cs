using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.RegularExpressions;
using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.SavedTexts;

public sealed partial class SavedTextForm : IValidatableObject
{
    public SavedTextKind Kind { get; set; }

    [Required(ErrorMessage = "Name the text, e.g. “Background talk, formal”.")]
    [StringLength(200, ErrorMessage = "The name can be at most 200 characters.")]
    public string? Name { get; set; }

    /// <summary>A short language tag: "en", "fr", "de" (default "en").</summary>
    public string? Language { get; set; } = "en";

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(20_000, ErrorMessage = "The message can be at most 20,000 characters.")]
    public string? Body { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LanguageTag().IsMatch(Language?.Trim() ?? "en"))
        {
            yield return new ValidationResult("Give the language as a short code such as en, fr or de.", [nameof(Language)]);
        }
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")]
    private static partial Regex LanguageTag();
}

/// <summary>
/// Keeps an invitation or message text for the event's organisation. A text with the same kind, name and language is
/// replaced (saving again updates it), so the organisation has one current version of each.
/// </summary>
public sealed class SaveSavedText(IDbContextFactory<EventHubDbContext> dbFactory, IAuthorizationService authorization, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, Guid eventId, SavedTextForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await SavedTextAccess.OrganisationOfAsync(authorization, db, actor, eventId, ct) is not { } organisationId)
        {
            return Outcome<Guid>.Forbidden();
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var name = form.Name!.Trim();
        var language = (form.Language ?? "en").Trim().ToLowerInvariant();
        var text = await db.SavedTexts.SingleOrDefaultAsync(t => t.OrganisationId == organisationId && t.Kind == form.Kind && t.Name == name && t.Language == language, ct);
        var replaced = text is not null;
        if (text is null)
        {
            text = new SavedText { Id = Guid.CreateVersion7(), OrganisationId = organisationId, Kind = form.Kind, Name = name, Language = language, Subject = "", Body = "" };
            db.SavedTexts.Add(text);
        }

        text.Subject = form.Subject!.Trim();
        text.Body = form.Body!.Trim();
        text.SavedByName = actor.Identity?.Name;
        text.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, actor, replaced ? "saved-text.updated" : "saved-text.saved", eventId, nameof(SavedText), text.Id.ToString(), $"{form.Kind} text “{name}” ({language})");
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(text.Id);
    }
}

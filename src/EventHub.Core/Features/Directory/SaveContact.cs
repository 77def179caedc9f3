using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

/// <summary>An expert as an organiser types it, in the form or in one row of an imported file.</summary>
public sealed class ContactForm : IValidatableObject
{
    public Guid? Id { get; set; }

    /// <summary>The directory a new contact goes into; an existing contact stays in its own.</summary>
    public Guid DirectoryOrganisationId { get; set; }

    [Required(ErrorMessage = "The name is missing.")]
    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "The email is missing.")]
    [StringLength(320, ErrorMessage = "The email can be at most 320 characters.")]
    public string? Email { get; set; }

    /// <summary>The employer as written: linked to a known organisation when its name, acronym or an alias matches.</summary>
    [StringLength(300, ErrorMessage = "The organisation can be at most 300 characters.")]
    public string? Organisation { get; set; }

    public Sector Sector { get; set; } = Sector.Other;

    [StringLength(300, ErrorMessage = "The position can be at most 300 characters.")]
    public string? Position { get; set; }

    [StringLength(100, ErrorMessage = "The country can be at most 100 characters.")]
    public string? Country { get; set; }

    /// <summary>Tags separated by commas or '|'.</summary>
    [StringLength(1000, ErrorMessage = "The tags can be at most 1000 characters.")]
    public string? Tags { get; set; }

    [StringLength(4000, ErrorMessage = "The notes can be at most 4000 characters.")]
    public string? Notes { get; set; }

    public bool DoNotContact { get; set; }

    /// <summary>en, fr or de; null keeps a contact's language as it is (a new contact: English).</summary>
    public string? PreferredLanguage { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PreferredLanguage is not null && !Localization.Languages.IsSupported(PreferredLanguage))
        {
            yield return new ValidationResult($"Choose English (en), French (fr) or German (de), not '{PreferredLanguage}'.", [nameof(PreferredLanguage)]);
        }

        if (!string.IsNullOrWhiteSpace(Email) && !IsEmail(Email.Trim()))
        {
            yield return new ValidationResult($"'{Email.Trim()}' is not a valid email address.", [nameof(Email)]);
        }
    }

    public static bool IsEmail(string email) => EmailAddresses.IsValid(email);

    public static List<string> SplitTags(string? text) =>
        (text ?? "").Split(['|', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static ContactForm From(Contact c) => new()
    {
        Id = c.Id,
        DirectoryOrganisationId = c.DirectoryOrganisationId,
        Name = c.Name,
        Email = c.Email,
        Organisation = c.Organisation?.Name ?? c.OrganisationName,
        Sector = c.Sector,
        Position = c.Position,
        Country = c.Country,
        Tags = string.Join(", ", c.Tags),
        Notes = c.Notes,
        DoNotContact = c.DoNotContact,
        PreferredLanguage = c.PreferredLanguage,
    };

    /// <summary>Copies everything but the do-not-contact flag, which changes only through <see cref="DoNotContactRule"/>.</summary>
    internal void ApplyTo(Contact contact, OrganisationMatcher organisations, DateTime nowUtc)
    {
        contact.Name = Name!.Trim();
        contact.Email = Email!.Trim();
        contact.NormalizedEmail = Contact.Normalize(Email);
        (contact.OrganisationId, contact.OrganisationName) = organisations.Match(Organisation);
        contact.Sector = Sector;
        contact.Position = Blank(Position);
        contact.Country = Blank(Country);
        contact.Tags = SplitTags(Tags);
        contact.Notes = Blank(Notes);
        if (PreferredLanguage is not null)
        {
            contact.PreferredLanguage = PreferredLanguage;
        }

        contact.UpdatedAtUtc = nowUtc;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Turning do-not-contact on or off: stamps when, and audits who.</summary>
internal static class DoNotContactRule
{
    public static bool Apply(EventHubDbContext db, AuditLog audit, ClaimsPrincipal actor, Contact contact, bool doNotContact, DateTime nowUtc)
    {
        if (contact.DoNotContact == doNotContact)
        {
            return false;
        }

        contact.DoNotContact = doNotContact;
        contact.DoNotContactSinceUtc = doNotContact ? nowUtc : null;
        contact.UpdatedAtUtc = nowUtc;
        audit.Record(db, actor, doNotContact ? "contact.do-not-contact.on" : "contact.do-not-contact.off", null, nameof(Contact), contact.Id.ToString());
        return true;
    }
}

/// <summary>Adds or edits an expert in a directory its actor may keep; an email appears once per directory.</summary>
public sealed class SaveContact(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access, AuditLog audit, TimeProvider clock)
{
    public const string SuppressedMessage = "This address belongs to a person who asked to be erased: it may not be added to a directory again.";

    public async Task<Outcome<Guid>> ExecuteAsync(ClaimsPrincipal actor, ContactForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Contact? contact = null;
        if (form.Id is { } id)
        {
            contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (contact is null)
            {
                return Outcome<Guid>.NotFound();
            }
        }

        var directoryId = contact?.DirectoryOrganisationId ?? form.DirectoryOrganisationId;
        if (!await access.CanManageAsync(actor, directoryId, ct))
        {
            return Outcome<Guid>.Forbidden();
        }

        if (contact is null && !await db.Organisations.AnyAsync(o => o.Id == directoryId, ct))
        {
            return Outcome<Guid>.Invalid(nameof(form.DirectoryOrganisationId), "Choose the organisation whose directory this is.");
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var normalized = Contact.Normalize(form.Email!);
        var holder = await db.Contacts.Where(c => c.DirectoryOrganisationId == directoryId && c.NormalizedEmail == normalized && c.Id != form.Id)
            .Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (holder is not null)
        {
            return Outcome<Guid>.Invalid(nameof(form.Email), $"{holder} already has the email {normalized} in this directory.");
        }

        if (contact?.NormalizedEmail != normalized && await EmailHash.IsSuppressedAsync(db, normalized, ct))
        {
            return Outcome<Guid>.Invalid(nameof(form.Email), SuppressedMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (contact is null)
        {
            contact = new Contact { Id = Guid.CreateVersion7(), DirectoryOrganisationId = directoryId, Name = "", Email = "", NormalizedEmail = "", CreatedAtUtc = now };
            db.Contacts.Add(contact);
        }

        form.ApplyTo(contact, await OrganisationMatcher.LoadAsync(db, ct), now);
        audit.Record(db, actor, form.Id is null ? "contact.created" : "contact.updated", null, nameof(Contact), contact.Id.ToString());
        DoNotContactRule.Apply(db, audit, actor, contact, form.DoNotContact, now);
        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Success(contact.Id);
    }
}

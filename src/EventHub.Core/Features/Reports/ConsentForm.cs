using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Reports;

/// <summary>Who may be named, how, and for which agenda items (none chosen: the whole event).</summary>
public sealed class ConsentForm
{
    /// <summary>The registration the person came with, when they registered; their name, email and organisation are taken from it where left empty.</summary>
    public Guid? RegistrationId { get; set; }

    [StringLength(300, ErrorMessage = "The name can be at most 300 characters.")]
    public string? Name { get; set; }

    [DeliverableEmail(ErrorMessage = "Enter a valid email address, e.g. name@example.org.")]
    [StringLength(256, ErrorMessage = "The email can be at most 256 characters.")]
    public string? Email { get; set; }

    /// <summary>Organisation and position as they may be printed, e.g. "Programme Manager, KAS MDPD".</summary>
    [StringLength(300, ErrorMessage = "The affiliation can be at most 300 characters.")]
    public string? Affiliation { get; set; }

    public ConsentScope Scope { get; set; } = ConsentScope.NameAndAffiliation;

    /// <summary>Empty: the whole event.</summary>
    public List<Guid> AgendaItemIds { get; set; } = [];
}

internal static class ConsentRules
{
    /// <summary>Validates the form against the event and completes it from the registration; errors keyed by field.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> CompleteAsync(EventHubDbContext db, Guid eventId, ConsentForm form, bool emailRequired, CancellationToken ct)
    {
        if (Common.RequestValidation.Validate(form) is { } errors)
        {
            return errors;
        }

        if (form.RegistrationId is { } registrationId)
        {
            var r = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == registrationId && x.EventId == eventId, ct);
            if (r is null)
            {
                return Error(nameof(form.RegistrationId), "That person is not registered for this event.");
            }

            form.Name = string.IsNullOrWhiteSpace(form.Name) ? r.Name : form.Name;
            form.Email = string.IsNullOrWhiteSpace(form.Email) ? r.Email : form.Email;
            form.Affiliation = string.IsNullOrWhiteSpace(form.Affiliation)
                ? string.Join(", ", new[] { r.Position, r.OrganisationName }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : form.Affiliation;
        }

        form.Name = form.Name?.Trim();
        form.Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        form.Affiliation = string.IsNullOrWhiteSpace(form.Affiliation) ? null : form.Affiliation.Trim();
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Error(nameof(form.Name), "Enter the name of the person, or choose them from the list.");
        }

        if (emailRequired && form.Email is null)
        {
            return Error(nameof(form.Email), "Enter the email address the request should go to.");
        }

        form.AgendaItemIds = form.AgendaItemIds.Distinct().ToList();
        if (form.AgendaItemIds.Count > 0)
        {
            var known = await db.AgendaItems.Where(a => a.EventId == eventId && form.AgendaItemIds.Contains(a.Id)).CountAsync(ct);
            if (known != form.AgendaItemIds.Count)
            {
                return Error(nameof(form.AgendaItemIds), "Choose agenda items of this event.");
            }
        }

        return null;
    }

    public static async Task<string> DescribeAsync(EventHubDbContext db, OnRecordConsent c, CancellationToken ct)
    {
        var scope = c.Scope == ConsentScope.NameOnly ? "name only" : "name and affiliation";
        if (c.AgendaItemIds.Count == 0)
        {
            return $"{c.Name} ({scope}, whole event)";
        }

        var titles = await db.AgendaItems.AsNoTracking().Where(a => c.AgendaItemIds.Contains(a.Id)).OrderBy(a => a.StartsAtUtc).Select(a => a.Title).ToListAsync(ct);
        return $"{c.Name} ({scope}; {string.Join(", ", titles)})";
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}

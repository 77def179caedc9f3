using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Email.Templates;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Features.Messages;

/// <summary>Where a registration stands with one approver group.</summary>
public enum GroupState
{
    /// <summary>The group has not decided yet.</summary>
    Awaiting,
    Approved,
    Rejected,
    Waitlisted,
}

/// <summary>Which registrants a message goes to: by status, by tag, and by one approver group's decision.</summary>
public sealed class RegistrantFilter
{
    /// <summary>The statuses to include; empty means every status except cancelled.</summary>
    public List<RegistrationStatus> Statuses { get; set; } = [RegistrationStatus.Approved];

    public Guid? TagId { get; set; }

    /// <summary>With <see cref="GroupState"/>: only registrations where this approver group is in that state.</summary>
    public string? ApproverGroup { get; set; }

    public GroupState GroupState { get; set; } = GroupState.Awaiting;
}

public sealed class RegistrantMessageForm
{
    public RegistrantFilter Filter { get; set; } = new();

    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(300, ErrorMessage = "The subject can be at most 300 characters.")]
    public string? Subject { get; set; }

    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(20_000, ErrorMessage = "The message can be at most 20,000 characters.")]
    public string? Message { get; set; }

    /// <summary>Chosen once per message by the composer: sending the same message twice queues nothing the second time.</summary>
    public Guid MessageId { get; set; } = Guid.NewGuid();

    /// <summary>The number of recipients the organiser saw and confirmed; sending refuses when the set has changed since.</summary>
    public int? ConfirmedCount { get; set; }
}

public sealed record MessageRecipient(Guid RegistrationId, string Name, string Email, RegistrationStatus Status);

public sealed record RegistrantMessagePreview(string Subject, RenderedEmail Body, IReadOnlyList<MessageRecipient> Recipients, string FilterDescription);

/// <summary>What preview and sending share: who the filter selects, the checks on the text, and the email itself.</summary>
internal static class RegistrantMessage
{
    public static Dictionary<string, string[]> Validate(RegistrantMessageForm form)
    {
        var errors = RequestValidation.Validate(form)?.ToDictionary() ?? [];
        foreach (var (field, text) in new[] { (nameof(form.Subject), form.Subject), (nameof(form.Message), form.Message) })
        {
            if (InvitationText.Unknown(text) is { Count: > 0 } unknown)
            {
                errors[field] = [$"Unknown placeholder {string.Join(", ", unknown)}: use one of {string.Join(", ", InvitationText.Placeholders.Keys)}."];
            }
        }

        return errors;
    }

    public static async Task<List<MessageRecipient>> RecipientsAsync(EventHubDbContext db, Guid eventId, RegistrantFilter filter, CancellationToken ct)
    {
        var query = db.Registrations.AsNoTracking().Where(r => r.EventId == eventId && r.AnonymisedAtUtc == null);
        query = filter.Statuses.Count > 0
            ? query.Where(r => filter.Statuses.Contains(r.Status))
            : query.Where(r => r.Status != RegistrationStatus.Cancelled);
        if (filter.TagId is { } tagId)
        {
            query = query.Where(r => db.RegistrationTagAssignments.Any(a => a.RegistrationId == r.Id && a.TagId == tagId));
        }

        if (!string.IsNullOrWhiteSpace(filter.ApproverGroup))
        {
            var group = filter.ApproverGroup.Trim();
            var current = db.RegistrationApprovals.Where(a => !a.Superseded && a.Group == group);
            query = filter.GroupState switch
            {
                GroupState.Approved => query.Where(r => current.Any(a => a.RegistrationId == r.Id && a.Decision == VettingDecision.Approved)),
                GroupState.Rejected => query.Where(r => current.Any(a => a.RegistrationId == r.Id && a.Decision == VettingDecision.Rejected)),
                GroupState.Waitlisted => query.Where(r => current.Any(a => a.RegistrationId == r.Id && a.Decision == VettingDecision.Waitlisted)),
                _ => query.Where(r => !current.Any(a => a.RegistrationId == r.Id)),
            };
        }

        return (await query.Select(r => new MessageRecipient(r.Id, r.Name, r.Email, r.Status)).ToListAsync(ct))
            .OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static async Task<string> DescribeAsync(EventHubDbContext db, RegistrantFilter filter, IStringLocalizer<PlainWords> words, CancellationToken ct)
    {
        var parts = new List<string> { filter.Statuses.Count == 0 ? "every status but cancelled" : string.Join(" or ", filter.Statuses.Select(s => words.Of(s).ToLowerInvariant())) };
        if (filter.TagId is { } tagId && await db.RegistrationTags.Where(t => t.Id == tagId).Select(t => t.Name).SingleOrDefaultAsync(ct) is { } tag)
        {
            parts.Add($"tagged “{tag}”");
        }

        if (!string.IsNullOrWhiteSpace(filter.ApproverGroup))
        {
            parts.Add(filter.GroupState == GroupState.Awaiting
                ? $"awaiting {filter.ApproverGroup.Trim()}"
                : $"{filter.GroupState.ToString().ToLowerInvariant()} by {filter.ApproverGroup.Trim()}");
        }

        return string.Join(", ", parts);
    }

    public static async Task<(string Subject, RenderedEmail Body)> ComposeAsync(EmailComposer composer, Event e, RegistrantMessageForm form, string name)
    {
        var subject = InvitationText.Resolve(form.Subject!.Trim(), e, name);
        var paragraphs = InvitationText.Resolve(form.Message!.Trim(), e, name).Replace("\r\n", "\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var body = await composer.RenderAsync<ActionEmail>(new Dictionary<string, object?>
        {
            [nameof(ActionEmail.Title)] = subject,
            [nameof(ActionEmail.Organisation)] = e.Organisation?.Name,
            [nameof(ActionEmail.Paragraphs)] = paragraphs,
            [nameof(ActionEmail.FooterNote)] = $"You receive this because you registered for {e.Title}.",
        });
        return (subject, body);
    }
}

using EventHub.Core.Data;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>The attendee's own details form: the shared fields, and whether to replace the security data on file.</summary>
public sealed class AttendeeDetailsForm : RegistrationDetailsForm
{
    public bool ReplaceSecurityData { get; set; }
}

/// <summary>What the attendee's own page shows. The exact venue only once approved; the security data never, only whether it is on file.</summary>
public sealed record AttendeeView(
    string EventTitle, DateTime StartsAtUtc, DateTime EndsAtUtc, string TimeZoneId, string? City, string? Venue, string Organiser,
    string Name, string Email, RegistrationStatus Status, DateTime EditUntilUtc, bool CanEdit, bool CanCancel, bool SecurityDataOnFile,
    RegistrationFormDefinition Form, AttendeeDetailsForm Details, Guid RegistrationId, DateTime? OfferExpiresAtUtc);

/// <summary>Opens /r/{token}: null for anything that is not a valid link.</summary>
public sealed class OpenAttendeePage(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    public async Task<AttendeeView?> ExecuteAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await AttendeeLinks.FindAsync(db, token, ct);
        if (r is null)
        {
            return null;
        }

        var e = r.Event!;
        var now = clock.GetUtcNow().UtcDateTime;
        var answers = await db.RegistrationAnswers.AsNoTracking().Where(a => a.RegistrationId == r.Id).ToListAsync(ct);
        var details = new AttendeeDetailsForm();
        RegistrationDetailsRules.Fill(details, r, answers);
        var editUntil = AttendeeRules.EditUntil(e);
        return new AttendeeView(e.Title, e.StartsAtUtc, e.EndsAtUtc, e.TimeZoneId, e.City, r.Status == RegistrationStatus.Approved ? e.Venue : null, e.Organisation?.Name ?? "",
            r.Name, r.Email, r.Status, editUntil, AttendeeRules.CanEdit(r, e, now), AttendeeRules.CanCancel(r, e, now), r.ProtectedSecurityData is not null,
            await RegistrationFormDefinition.LoadAsync(db, e, ct), details, r.Id, r.Status == RegistrationStatus.Offered ? r.OfferExpiresAtUtc : null);
    }
}

/// <summary>What the attendee may still do, and how a change to the approved count is undone.</summary>
internal static class AttendeeRules
{
    public static DateTime EditUntil(Event e) => e.EditCutoffUtc is { } cutoff && cutoff < e.StartsAtUtc ? cutoff : e.StartsAtUtc;

    public static bool CanEdit(Registration r, Event e, DateTime now)
        => r.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected) && now < EditUntil(e);

    public static bool CanCancel(Registration r, Event e, DateTime now)
        => r.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Rejected) && now < e.StartsAtUtc;

}

using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// The one place that turns a person's data into placeholders, used by retention (a whole event) and by a person's
/// erasure (one address everywhere). What is kept: the registration row with its status, source, sector and dates
/// (so the counts stay right), vetting decisions without their free-text reasons, check-in times, and the report.
/// What goes: name, email, organisation, position, phone, needs, answers, security data, personal links, passes, the
/// invitation (and so the link between a directory contact and the event), names on check-ins, consents and circulation
/// copies, and the emails the outbox kept. The organisation is removed too: in a meeting of thirty-five, "the NATO
/// official" identifies a person as surely as a name does (the Chatham House Rule protects affiliation as well).
/// </summary>
public static class Anonymiser
{
    public const string AnonymisedName = "Anonymised attendee";
    public const string PlaceholderDomain = "anonymised.invalid";

    public static string PlaceholderEmail(Guid id) => $"anonymised-{id:N}@{PlaceholderDomain}";

    public static async Task<AnonymisationCounts> AnonymiseRegistrationsAsync(EventHubDbContext db, IQueryable<Registration> query, DateTime nowUtc, CancellationToken ct)
    {
        var registrations = await query.Where(r => r.AnonymisedAtUtc == null)
            .Include(r => r.Answers).Include(r => r.Links).Include(r => r.Approvals)
            .AsSplitQuery().ToListAsync(ct);
        var ids = registrations.Select(r => r.Id).ToList();
        int answers = 0, security = 0;
        foreach (var r in registrations)
        {
            security += r.ProtectedSecurityData is null ? 0 : 1;
            answers += r.Answers.Count;
            r.Name = AnonymisedName;
            r.Email = PlaceholderEmail(r.Id);
            r.NormalizedEmail = r.Email;
            r.OrganisationId = null;
            r.OrganisationName = null;
            r.Position = null;
            r.Phone = null;
            r.DietaryNeeds = null;
            r.AccessibilityNeeds = null;
            r.NominationReason = null;
            r.ProtectedSecurityData = null;
            r.ListMeConsent = false;
            r.InvitationId = null;
            r.NominatedByInvitationId = null;
            r.AnonymisedAtUtc = nowUtc;
            r.UpdatedAtUtc = nowUtc;
            r.ConcurrencyStamp = Guid.NewGuid();
            db.RegistrationAnswers.RemoveRange(r.Answers);
            db.RegistrationLinks.RemoveRange(r.Links);
            foreach (var approval in r.Approvals)
            {
                approval.InternalReason = null;
                approval.MessageToPerson = null;
            }
        }

        await db.SaveChangesAsync(ct);
        if (ids.Count == 0)
        {
            return new AnonymisationCounts();
        }

        var passes = await db.AccessPasses.Where(p => ids.Contains(p.RegistrationId)).ExecuteDeleteAsync(ct);
        var checkIns = await AnonymiseCheckInsAsync(db.CheckIns.Where(c => c.RegistrationId != null && ids.Contains(c.RegistrationId.Value)), ct);
        checkIns += await db.DoorConflicts.Where(c => c.RegistrationId != null && ids.Contains(c.RegistrationId.Value) && (c.Name != AnonymisedName || c.OrganisationName != null))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, AnonymisedName).SetProperty(c => c.OrganisationName, (string?)null), ct);
        var consents = await AnonymiseConsentsAsync(db.OnRecordConsents.Where(c => c.RegistrationId != null && ids.Contains(c.RegistrationId.Value)), ct);
        var recipients = await AnonymiseRecipientsAsync(db.CirculationRecipients.Where(c => c.RegistrationId != null && ids.Contains(c.RegistrationId.Value)), ct);
        return new AnonymisationCounts
        {
            Registrations = registrations.Count, SecurityData = security, Answers = answers, Passes = passes,
            CheckIns = checkIns, Consents = consents, CirculationRecipients = recipients,
        };
    }

    public static Task<int> AnonymiseCheckInsAsync(IQueryable<CheckIn> checkIns, CancellationToken ct)
        => checkIns.Where(c => c.Name != AnonymisedName || c.OrganisationName != null || c.Reason != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, AnonymisedName)
                .SetProperty(c => c.OrganisationName, (string?)null)
                .SetProperty(c => c.Reason, (string?)null), ct);

    public static Task<int> AnonymiseConsentsAsync(IQueryable<OnRecordConsent> consents, CancellationToken ct)
        => consents.Where(c => c.Name != AnonymisedName || c.Email != null || c.Affiliation != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, AnonymisedName)
                .SetProperty(c => c.Email, (string?)null)
                .SetProperty(c => c.Affiliation, (string?)null)
                .SetProperty(c => c.RequestTokenHash, (string?)null), ct);

    public static Task<int> AnonymiseRecipientsAsync(IQueryable<CirculationRecipient> recipients, CancellationToken ct)
        => recipients.Where(c => c.Name != AnonymisedName)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Name, AnonymisedName)
                .SetProperty(c => c.Email, "anonymised@" + PlaceholderDomain), ct);

    /// <summary>Deletes invitations with their history and links, first loosening the registrations that point to them.</summary>
    public static async Task<int> DeleteInvitationsAsync(EventHubDbContext db, IQueryable<Invitation> invitations, CancellationToken ct)
    {
        var ids = await invitations.Select(i => i.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        await db.Registrations.Where(r => r.InvitationId != null && ids.Contains(r.InvitationId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.InvitationId, (Guid?)null), ct);
        await db.Registrations.Where(r => r.NominatedByInvitationId != null && ids.Contains(r.NominatedByInvitationId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NominatedByInvitationId, (Guid?)null), ct);
        return await db.Invitations.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
    }
}

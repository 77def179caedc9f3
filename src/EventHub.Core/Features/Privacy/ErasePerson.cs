using System.Security.Claims;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Privacy;

public sealed record ErasureResult(AnonymisationCounts Counts, bool AccountDeleted);

/// <summary>
/// A person's right to erasure, everywhere, in one transaction: registrations anonymised (counts kept), contacts deleted
/// from every directory with their invitations, consents and circulation copies anonymised, the outbox's emails to the
/// address deleted, the staff account (if any) deleted with its private notes and its name replaced on what it did, and
/// the audit entries by or about the person redacted. The address's SHA-256 goes on the suppression list — the minimum
/// needed to keep the promise — so it cannot be imported, added or invited again. Audited under the hash, never the address.
/// </summary>
public sealed class ErasePerson(IDbContextFactory<EventHubDbContext> dbFactory, AuditLog audit, TimeProvider clock)
{
    public const string ErasedUserName = "Erased user";

    public async Task<Outcome<ErasureResult>> ExecuteAsync(ClaimsPrincipal actor, PersonLookup lookup, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<ErasureResult>.Forbidden();
        }

        if (RequestValidation.Validate(lookup) is { } errors)
        {
            return Outcome<ErasureResult>.Invalid(errors);
        }

        var email = Contact.Normalize(lookup.Email!);
        if (!ContactForm.IsEmail(email))
        {
            return Outcome<ErasureResult>.Invalid(nameof(lookup.Email), $"'{lookup.Email!.Trim()}' is not an email address.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var actorId = actor.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.InTransactionAsync(async token =>
        {
            var subjects = await PersonSubjects.FindAsync(db, email, token);
            if (subjects.User is { } account)
            {
                if (account.Id == actorId)
                {
                    return Outcome<ErasureResult>.Invalid(nameof(lookup.Email), "You cannot erase your own account: ask another administrator.");
                }

                var adminRole = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleOrDefaultAsync(token);
                var admins = await db.UserRoles.Where(r => r.RoleId == adminRole).Select(r => r.UserId).ToListAsync(token);
                if (admins.Contains(account.Id) && admins.Count == 1)
                {
                    return Outcome<ErasureResult>.Invalid(nameof(lookup.Email), "This is the only administrator's account: make someone else an administrator first.");
                }
            }

            // The audit entries are found before the rows they point to change.
            var redacted = await AuditRedaction.RedactAsync(subjects.AuditEntries(db), now, token);
            var counts = await Anonymiser.AnonymiseRegistrationsAsync(db, db.Registrations.Where(r => subjects.RegistrationIds.Contains(r.Id)), now, token);
            var consents = await Anonymiser.AnonymiseConsentsAsync(db.OnRecordConsents.Where(c => subjects.ConsentIds.Contains(c.Id)), token);
            var recipients = await Anonymiser.AnonymiseRecipientsAsync(db.CirculationRecipients.Where(c => subjects.RecipientIds.Contains(c.Id)), token);
            var invitations = await Anonymiser.DeleteInvitationsAsync(db, db.Invitations.Where(i => subjects.ContactIds.Contains(i.ContactId)), token);
            var contacts = await db.Contacts.Where(c => subjects.ContactIds.Contains(c.Id)).ExecuteDeleteAsync(token);
            var emails = await db.OutboundEmails.Where(m => subjects.EmailIds.Contains(m.Id)).ExecuteDeleteAsync(token);
            var notes = 0;
            if (subjects.User is { } user)
            {
                notes = await EraseAccountAsync(db, user, token);
            }

            counts += new AnonymisationCounts
            {
                Consents = consents, CirculationRecipients = recipients, Invitations = invitations, Contacts = contacts,
                Emails = emails, ReportNotes = notes, AuditEntriesRedacted = redacted,
            };
            var hash = EmailHash.Of(email);
            if (!await db.SuppressedAddresses.AnyAsync(s => s.EmailHash == hash, token))
            {
                db.SuppressedAddresses.Add(new SuppressedAddress { Id = Guid.CreateVersion7(), EmailHash = hash, AtUtc = now, Reason = "Erased at the person's request" });
            }

            audit.Record(db, actor, "person.erased", null, "Person", hash, counts + (subjects.User is null ? "" : "; staff account deleted"));
            await db.SaveChangesAsync(token);
            return Outcome<ErasureResult>.Success(new ErasureResult(counts, subjects.User is not null));
        }, ct);
    }

    /// <summary>Deletes the staff account and its private notes; what it did stays, under "Erased user".</summary>
    private static async Task<int> EraseAccountAsync(EventHubDbContext db, ApplicationUser user, CancellationToken ct)
    {
        var id = user.Id;
        var names = new[] { user.Email, user.UserName, user.DisplayName }.Where(n => !string.IsNullOrEmpty(n)).Cast<string>().ToList();
        var notes = await db.ReportNotes.Where(n => n.AuthorUserId == id).ExecuteDeleteAsync(ct);
        await db.RegistrationApprovals.Where(a => a.DecidedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DecidedByName, ErasedUserName), ct);
        await db.CheckIns.Where(c => c.ByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ByName, ErasedUserName), ct);
        await db.OnRecordConsents.Where(c => c.RecordedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordedByName, ErasedUserName), ct);
        await db.EventDocuments.Where(d => d.UploadedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.UploadedByName, ErasedUserName), ct);
        await db.ReportVersions.Where(v => v.SavedByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.SavedByName, ErasedUserName), ct);
        await db.ReportReviews.Where(r => r.ReviewerUserId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewerName, ErasedUserName), ct);
        await db.ReportComments.Where(c => c.AuthorUserId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorName, ErasedUserName), ct);
        await db.AttributionDismissals.Where(d => d.ByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ByName, ErasedUserName), ct);
        await db.ReportCirculations.Where(c => c.ByUserId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ByName, ErasedUserName), ct);
        await db.Reports.Where(r => r.UpdatedByName != null && names.Contains(r.UpdatedByName)).ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedByName, ErasedUserName), ct);
        await db.InvitationHistory.Where(h => h.ActorName != null && names.Contains(h.ActorName)).ExecuteUpdateAsync(s => s.SetProperty(h => h.ActorName, ErasedUserName), ct);
        await db.Users.Where(u => u.Id == id).ExecuteDeleteAsync(ct);
        return notes;
    }
}

using EventHub.Core.Auditing;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Registrations;

/// <summary>
/// The attendee corrects their details until the cut-off. Name, organisation, position and security data are what
/// vetters approved: changing one after approval returns the registration to vetting (earlier decisions superseded, the
/// place given back) and tells the event's organisers, vetters and host reviewers.
/// </summary>
public sealed class UpdateAttendeeDetails(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, SecurityData security, RegistrationMailer mailer, AuditLog audit, Vetting.WaitlistPlaces waitlist)
{
    public const string ReturnedToVetting = "registration.returned-to-vetting";

    public async Task<Outcome<bool>> ExecuteAsync(string? token, AttendeeDetailsForm form, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async c =>
        {
            var r = await AttendeeLinks.FindAsync(db, token, c);
            if (r is null)
            {
                return Outcome<bool>.NotFound();
            }

            var e = r.Event!;
            var now = clock.GetUtcNow().UtcDateTime;
            if (!AttendeeRules.CanEdit(r, e, now))
            {
                return Outcome<bool>.Conflict(now >= AttendeeRules.EditUntil(e) ? "Details can no longer be changed for this event." : "This registration can no longer be changed.");
            }

            var definition = await RegistrationFormDefinition.LoadAsync(db, e, c);
            var writeSecurity = definition.RequireSecurityData && (r.ProtectedSecurityData is null || form.ReplaceSecurityData);
            if (RegistrationDetailsRules.Validate(form, definition, writeSecurity) is { Count: > 0 } errors)
            {
                return Outcome<bool>.Invalid(errors);
            }

            if (e.RequireInviteeName && r.InvitationId is { } invitationId
                && await db.Invitations.Where(i => i.Id == invitationId).Select(i => i.Contact!.Name).SingleOrDefaultAsync(c) is { } invited
                && !PersonNames.SamePerson(form.Name, invited))
            {
                return Outcome<bool>.Invalid(nameof(form.Name), $"This invitation is for {invited}, and the organisers accept it only under that name.");
            }

            var before = (r.Name, r.OrganisationName, r.Position, Security: security.Unprotect(r.ProtectedSecurityData));
            var answers = await db.RegistrationAnswers.Where(a => a.RegistrationId == r.Id).ToListAsync(c);
            RegistrationDetailsRules.Apply(db, r, form, definition, security, writeSecurity, answers);
            var changed = new List<string>();
            if (before.Name != r.Name)
            {
                changed.Add("name");
            }

            if (before.OrganisationName != r.OrganisationName)
            {
                changed.Add("organisation");
            }

            if (before.Position != r.Position)
            {
                changed.Add("position");
            }

            if (writeSecurity && before.Security != form.SecurityDetails)
            {
                changed.Add("security data");
            }

            r.UpdatedAtUtc = now;
            r.ConcurrencyStamp = Guid.NewGuid();
            var returned = r.Status == RegistrationStatus.Approved && changed.Count > 0;
            if (returned)
            {
                r.Status = RegistrationStatus.Pending;
                r.ApprovedAtUtc = null;
                r.DecidedAtUtc = null;
                foreach (var approval in await db.RegistrationApprovals.Where(a => a.RegistrationId == r.Id && !a.Superseded).ToListAsync(c))
                {
                    approval.Superseded = true;
                }

                var n = await db.AuditEntries.CountAsync(a => a.Action == ReturnedToVetting && a.SubjectId == r.Id.ToString(), c) + 1;
                audit.Record(db, null, ReturnedToVetting, e.Id, nameof(Registration), r.Id.ToString(), $"{r.Name} changed {string.Join(", ", changed)} after approval");
                await mailer.QueueReturnedToVettingAsync(db, r, e, n, changed);
                // The place is no longer held: it counts down and goes to the waiting list, like any freed place.
                await waitlist.ReleaseApprovedPlaceAsync(db, null, e, c);
            }
            else
            {
                audit.Record(db, null, "registration.details-changed", e.Id, nameof(Registration), r.Id.ToString(), changed.Count == 0 ? "other details" : string.Join(", ", changed));
            }

            await db.SaveChangesAsync(c);
            return Outcome<bool>.Success(returned);
        }, ct);
    }
}

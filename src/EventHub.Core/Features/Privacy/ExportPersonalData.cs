using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Privacy;
using EventHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Privacy;

public sealed record PersonalDataExport(
    string Email, DateTime GeneratedAtUtc, bool Suppressed, AccountData? Account, IReadOnlyList<ContactData> Contacts,
    IReadOnlyList<InvitationData> Invitations, IReadOnlyList<RegistrationData> Registrations, IReadOnlyList<ConsentData> Consents,
    IReadOnlyList<CirculationCopyData> CirculationCopies, IReadOnlyList<EmailData> Emails, IReadOnlyList<AuditData> AuditEntries)
{
    public bool HoldsAnything => Account is not null || Contacts.Count + Invitations.Count + Registrations.Count + Consents.Count
        + CirculationCopies.Count + Emails.Count + AuditEntries.Count > 0;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record AccountData(string UserId, string? UserName, string? Email, string? DisplayName, string? Organisation, DateTime CreatedAtUtc,
    bool TwoFactorEnabled, IReadOnlyList<string> Roles, IReadOnlyList<string> EventRoles, IReadOnlyList<NoteData> ReportNotes);

public sealed record NoteData(string Event, string Text, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

public sealed record ContactData(Guid Id, string Directory, string Name, string Email, string? Organisation, Sector Sector, string? Position,
    string? Country, IReadOnlyList<string> Tags, string? Notes, bool DoNotContact, DateTime? DoNotContactSinceUtc, DateTime CreatedAtUtc, DateTime UpdatedAtUtc);

public sealed record InvitationData(Guid Id, string Event, InvitationStatus Status, string Subject, DateTime SentAtUtc, DateTime? RespondedAtUtc,
    DateTime? ExpiresAtUtc, string? DeclineReason, int Resends, int Nudges, IReadOnlyList<HistoryData> History);

public sealed record HistoryData(DateTime AtUtc, string Action, string? Detail, string? By);

public sealed record RegistrationData(Guid Id, string Event, RegistrationSource Source, RegistrationStatus Status, string Name, string Email,
    string? Organisation, string? Position, string? Phone, Sector? Sector, string? DietaryNeeds, string? AccessibilityNeeds, string? NominationReason,
    bool ListMeConsent, DateTime? RuleAcknowledgedAtUtc, DateTime CreatedAtUtc, DateTime? ApprovedAtUtc, DateTime? CancelledAtUtc,
    SecurityDetails? SecurityData, IReadOnlyList<AnswerData> Answers, IReadOnlyList<DecisionData> Decisions,
    IReadOnlyList<PassData> Passes, IReadOnlyList<CheckInData> CheckIns);

public sealed record AnswerData(string Question, string Answer);

public sealed record DecisionData(string Group, VettingDecision Decision, DateTime AtUtc, string? By, string? InternalReason, string? MessageToPerson, bool Superseded);

public sealed record PassData(DateTime IssuedAtUtc, DateTime? VoidedAtUtc, string? VoidReason);

public sealed record CheckInData(DateTime AtUtc, CheckInKind Kind, string Name, string? Organisation, string? Device, string? Reason);

public sealed record ConsentData(string Event, string Name, string? Email, string? Affiliation, ConsentScope Scope, ConsentStatus Status,
    DateTime? RequestedAtUtc, DateTime? ConfirmedAtUtc, DateTime? WithdrawnAtUtc);

public sealed record CirculationCopyData(string Event, string Report, DateTime SentAtUtc, string Name, string Email, string Reference);

public sealed record EmailData(DateTime CreatedAtUtc, string To, string Subject, OutboundEmailStatus Status, DateTime? SentAtUtc, string TextBody);

public sealed record AuditData(long Id, DateTime AtUtc, string Action, string? Actor, string? Event, string? SubjectType, string? SubjectId, string? Details, DateTime? RedactedAtUtc);

public sealed class PersonLookup
{
    [Required(ErrorMessage = "Enter the person's email address.")]
    [StringLength(320, ErrorMessage = "An email address has at most 320 characters.")]
    public string? Email { get; set; }
}

/// <summary>
/// Everything EventHub holds about one email address, for a person's right of access: contacts in every directory,
/// invitations with their history, registrations with answers, decisions and the decrypted security data, passes and
/// check-ins, consents, circulation copies, emails in the outbox, the staff account (if any) with its private notes, and the
/// audit entries by or about the person. Administrators only; each export is audited under the address's hash.
/// </summary>
public sealed class ExportPersonalData(IDbContextFactory<EventHubDbContext> dbFactory, SecurityData security, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<PersonalDataExport>> ExecuteAsync(ClaimsPrincipal actor, PersonLookup lookup, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return Outcome<PersonalDataExport>.Forbidden();
        }

        if (RequestValidation.Validate(lookup) is { } errors)
        {
            return Outcome<PersonalDataExport>.Invalid(errors);
        }

        var email = Contact.Normalize(lookup.Email!);
        if (!ContactForm.IsEmail(email))
        {
            return Outcome<PersonalDataExport>.Invalid(nameof(lookup.Email), $"'{lookup.Email!.Trim()}' is not an email address.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var export = await CollectAsync(db, email, ct);
        audit.Record(db, actor, "person.exported", null, "Person", EmailHash.Of(email), export.HoldsAnything ? "data found" : "nothing held");
        await db.SaveChangesAsync(ct);
        return Outcome<PersonalDataExport>.Success(export);
    }

    private async Task<PersonalDataExport> CollectAsync(EventHubDbContext db, string email, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().Select(e => new { e.Id, e.Title }).ToDictionaryAsync(e => e.Id, e => e.Title, ct);
        string EventTitle(Guid id) => events.GetValueOrDefault(id) ?? id.ToString();
        var subjects = await PersonSubjects.FindAsync(db, email, ct);

        AccountData? account = null;
        if (subjects.User is { } user)
        {
            var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
            var team = await db.EventTeamMembers.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(ct);
            var notes = await db.ReportNotes.AsNoTracking().Where(n => n.AuthorUserId == user.Id).OrderBy(n => n.CreatedAtUtc).ToListAsync(ct);
            var organisation = user.OrganisationId is { } orgId ? await db.Organisations.Where(o => o.Id == orgId).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
            account = new AccountData(user.Id, user.UserName, user.Email, user.DisplayName, organisation, user.CreatedAtUtc, user.TwoFactorEnabled, roles,
                team.Select(t => $"{t.Role} of {EventTitle(t.EventId)}" + (t.ApproverGroup is null ? "" : $" ({t.ApproverGroup})")).ToList(),
                notes.Select(n => new NoteData(EventTitle(n.EventId), n.Text, n.CreatedAtUtc, n.UpdatedAtUtc)).ToList());
        }

        var contacts = await db.Contacts.AsNoTracking().Include(c => c.DirectoryOrganisation).Include(c => c.Organisation)
            .Where(c => subjects.ContactIds.Contains(c.Id)).OrderBy(c => c.CreatedAtUtc).ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Include(i => i.History)
            .Where(i => subjects.InvitationIds.Contains(i.Id)).OrderBy(i => i.SentAtUtc).AsSplitQuery().ToListAsync(ct);
        var registrations = await db.Registrations.AsNoTracking().Include(r => r.Answers).Include(r => r.Approvals)
            .Where(r => subjects.RegistrationIds.Contains(r.Id)).OrderBy(r => r.CreatedAtUtc).AsSplitQuery().ToListAsync(ct);
        var questionIds = registrations.SelectMany(r => r.Answers).Select(a => a.QuestionId).Distinct().ToList();
        var questions = await db.RegistrationQuestions.Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Label, ct);
        var passes = await db.AccessPasses.AsNoTracking().Where(p => subjects.RegistrationIds.Contains(p.RegistrationId)).ToListAsync(ct);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.RegistrationId != null && subjects.RegistrationIds.Contains(c.RegistrationId.Value)).ToListAsync(ct);
        var consents = await db.OnRecordConsents.AsNoTracking().Where(c => subjects.ConsentIds.Contains(c.Id)).OrderBy(c => c.CreatedAtUtc).ToListAsync(ct);
        var copies = await (from r in db.CirculationRecipients.AsNoTracking()
                            join c in db.ReportCirculations on r.CirculationId equals c.Id
                            join rep in db.Reports on c.ReportId equals rep.Id
                            where subjects.RecipientIds.Contains(r.Id)
                            orderby c.AtUtc
                            select new { rep.EventId, rep.Title, c.AtUtc, r.Name, r.Email, r.Reference }).ToListAsync(ct);
        var emails = await db.OutboundEmails.AsNoTracking().Where(m => subjects.EmailIds.Contains(m.Id)).OrderBy(m => m.CreatedAtUtc).ToListAsync(ct);
        var auditEntries = await subjects.AuditEntries(db).AsNoTracking().OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);

        return new PersonalDataExport(
            email,
            clock.GetUtcNow().UtcDateTime,
            await EmailHash.IsSuppressedAsync(db, email, ct),
            account,
            contacts.Select(c => new ContactData(c.Id, c.DirectoryOrganisation?.Name ?? "", c.Name, c.Email, c.Organisation?.Name ?? c.OrganisationName, c.Sector,
                c.Position, c.Country, c.Tags, c.Notes, c.DoNotContact, c.DoNotContactSinceUtc, c.CreatedAtUtc, c.UpdatedAtUtc)).ToList(),
            invitations.Select(i => new InvitationData(i.Id, EventTitle(i.EventId), i.Status, i.Subject, i.SentAtUtc, i.RespondedAtUtc, i.ExpiresAtUtc,
                i.DeclineReason, i.Resends, i.NudgesSent, i.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id).Select(h => new HistoryData(h.AtUtc, h.Action, h.Detail, h.ActorName)).ToList())).ToList(),
            registrations.Select(r => new RegistrationData(r.Id, EventTitle(r.EventId), r.Source, r.Status, r.Name, r.Email, r.OrganisationName, r.Position,
                r.Phone, r.Sector, r.DietaryNeeds, r.AccessibilityNeeds, r.NominationReason, r.ListMeConsent, r.RuleAcknowledgedAtUtc, r.CreatedAtUtc,
                r.ApprovedAtUtc, r.CancelledAtUtc, security.Unprotect(r.ProtectedSecurityData),
                r.Answers.Select(a => new AnswerData(questions.GetValueOrDefault(a.QuestionId) ?? "(question removed)", a.Value)).ToList(),
                r.Approvals.OrderBy(a => a.AtUtc).Select(a => new DecisionData(a.Group, a.Decision, a.AtUtc, a.DecidedByName, a.InternalReason, a.MessageToPerson, a.Superseded)).ToList(),
                passes.Where(p => p.RegistrationId == r.Id).OrderBy(p => p.IssuedAtUtc).Select(p => new PassData(p.IssuedAtUtc, p.VoidedAtUtc, p.VoidReason)).ToList(),
                checkIns.Where(c => c.RegistrationId == r.Id).Select(c => new CheckInData(c.AtUtc, c.Kind, c.Name, c.OrganisationName, c.Device, c.Reason)).ToList())).ToList(),
            consents.Select(c => new ConsentData(EventTitle(c.EventId), c.Name, c.Email, c.Affiliation, c.Scope, c.Status, c.RequestedAtUtc, c.ConfirmedAtUtc, c.WithdrawnAtUtc)).ToList(),
            copies.Select(c => new CirculationCopyData(EventTitle(c.EventId), c.Title, c.AtUtc, c.Name, c.Email, c.Reference)).ToList(),
            emails.Select(m => new EmailData(m.CreatedAtUtc, m.ToAddress, m.Subject, m.Status, m.SentAtUtc, m.TextBody)).ToList(),
            auditEntries.Select(a => new AuditData(a.Id, a.AtUtc, a.Action, a.ActorName, a.EventId is { } id ? EventTitle(id) : null, a.SubjectType, a.SubjectId, a.Details, a.RedactedAtUtc)).ToList());
    }
}

/// <summary>The rows that belong to one email address, found once and shared by the export and the erasure.</summary>
internal sealed class PersonSubjects
{
    public ApplicationUser? User { get; private init; }
    public List<Guid> ContactIds { get; private init; } = [];
    public List<Guid> InvitationIds { get; private init; } = [];
    public List<Guid> RegistrationIds { get; private init; } = [];
    public List<Guid> ConsentIds { get; private init; } = [];
    public List<Guid> RecipientIds { get; private init; } = [];
    public List<Guid> EmailIds { get; private init; } = [];
    public List<Guid> PassIds { get; private init; } = [];
    public List<Guid> CheckInIds { get; private init; } = [];
    public string Email { get; private init; } = "";

    public static async Task<PersonSubjects> FindAsync(EventHubDbContext db, string normalizedEmail, CancellationToken ct)
    {
        var upper = normalizedEmail.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == upper, ct);
        var contactIds = await db.Contacts.Where(c => c.NormalizedEmail == normalizedEmail).Select(c => c.Id).ToListAsync(ct);
        var registrationIds = await db.Registrations.Where(r => r.NormalizedEmail == normalizedEmail).Select(r => r.Id).ToListAsync(ct);
        return new PersonSubjects
        {
            Email = normalizedEmail,
            User = user,
            ContactIds = contactIds,
            InvitationIds = await db.Invitations.Where(i => contactIds.Contains(i.ContactId)).Select(i => i.Id).ToListAsync(ct),
            RegistrationIds = registrationIds,
            ConsentIds = await db.OnRecordConsents.Where(c => (c.Email != null && c.Email.ToLower() == normalizedEmail)
                || (c.RegistrationId != null && registrationIds.Contains(c.RegistrationId.Value))).Select(c => c.Id).ToListAsync(ct),
            RecipientIds = await db.CirculationRecipients.Where(c => c.Email.ToLower() == normalizedEmail
                || (c.RegistrationId != null && registrationIds.Contains(c.RegistrationId.Value))).Select(c => c.Id).ToListAsync(ct),
            EmailIds = await db.OutboundEmails.Where(m => m.ToAddress.ToLower() == normalizedEmail).Select(m => m.Id).ToListAsync(ct),
            PassIds = await db.AccessPasses.Where(p => registrationIds.Contains(p.RegistrationId)).Select(p => p.Id).ToListAsync(ct),
            CheckInIds = await db.CheckIns.Where(c => c.RegistrationId != null && registrationIds.Contains(c.RegistrationId.Value)).Select(c => c.Id).ToListAsync(ct),
        };
    }

    /// <summary>Audit entries by the person (their account) or about them (a subject of theirs, or their address in the details).</summary>
    public IQueryable<AuditEntry> AuditEntries(EventHubDbContext db)
    {
        var ids = ContactIds.Concat(InvitationIds).Concat(RegistrationIds).Concat(ConsentIds).Concat(RecipientIds).Concat(PassIds).Concat(CheckInIds)
            .Select(id => id.ToString()).ToList();
        var userId = User?.Id;
        var email = Email;
        return db.AuditEntries.Where(a =>
            (userId != null && (a.ActorUserId == userId || a.SubjectId == userId))
            || (a.SubjectId != null && ids.Contains(a.SubjectId))
            || (a.Details != null && a.Details.ToLower().Contains(email)));
    }
}

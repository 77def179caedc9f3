using EventHub.Core.Auditing;
using EventHub.Core.Data;
using EventHub.Core.Features.Registrations;
using EventHub.Core.Registrations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

/// <summary>One person's data spread over every entity that can hold it, on one event of a <see cref="VettingScenario"/>.</summary>
internal sealed record PersonData(Guid RegistrationId, Guid ContactId, Guid OtherContactId, Guid InvitationId, Guid QuestionId)
{
    public const string DocumentNumber = "EH1234567";

    public static async Task<PersonData> SeedAsync(VettingScenario s, string name, string email, string tag)
    {
        var host = s.Host;
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var security = host.Services.GetRequiredService<SecurityData>().Protect(new SecurityDetails(new DateOnly(1980, 5, 17), "Belgian", "Passport", DocumentNumber + tag));
        await using var db = await s.Database.Factory.CreateDbContextAsync();
        var otherDirectory = await db.Organisations.FirstOrDefaultAsync(o => o.Name == "European Neighbourhood Council")
            ?? (await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC"));
        var contact = new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = s.OrganisationId, Name = name, Email = email, NormalizedEmail = Contact.Normalize(email), Notes = $"Met at Riga conference {tag}", CreatedAtUtc = now, UpdatedAtUtc = now };
        var otherContact = new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = otherDirectory.Id, Name = name, Email = email.ToUpperInvariant(), NormalizedEmail = Contact.Normalize(email), Position = $"Senior fellow {tag}", CreatedAtUtc = now, UpdatedAtUtc = now };
        db.Contacts.AddRange(contact, otherContact);
        var invitation = new Invitation { Id = Guid.NewGuid(), EventId = s.EventId, ContactId = contact.Id, Status = InvitationStatus.Accepted, Subject = $"Invitation {tag}", Message = "Dear {name}", CreatedAtUtc = now, SentAtUtc = now, RespondedAtUtc = now };
        invitation.History.Add(new InvitationHistoryEntry { AtUtc = now, Action = "sent", ActorName = "clara@kas.example" });
        invitation.Links.Add(new InvitationLink { Id = Guid.NewGuid(), TokenHash = Guid.NewGuid().ToString("N") + tag, CreatedAtUtc = now });
        db.Invitations.Add(invitation);
        var question = await db.RegistrationQuestions.FirstOrDefaultAsync(q => q.EventId == s.EventId)
            ?? db.RegistrationQuestions.Add(new RegistrationQuestion { Id = Guid.NewGuid(), EventId = s.EventId, Label = "Your interest", Kind = QuestionKind.ShortText }).Entity;
        var r = new Registration
        {
            Id = Guid.NewGuid(), EventId = s.EventId, Source = RegistrationSource.Invitation, Status = RegistrationStatus.Approved, InvitationId = invitation.Id,
            Name = name, Email = email, NormalizedEmail = Contact.Normalize(email), OrganisationName = $"Think {tag}", Position = "Fellow", Phone = $"+32 2 555 {tag}",
            Sector = Sector.ThinkTank, DietaryNeeds = $"Vegetarian {tag}", AccessibilityNeeds = "Step-free", ProtectedSecurityData = security,
            RuleAcknowledgedAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now, ApprovedAtUtc = now, ConcurrencyStamp = Guid.NewGuid(),
        };
        r.Answers.Add(new RegistrationAnswer { Id = Guid.NewGuid(), QuestionId = question.Id, Value = $"Central Asian security {tag}" });
        r.Approvals.Add(new RegistrationApproval { Id = Guid.NewGuid(), Group = "Organiser", Decision = VettingDecision.Approved, AtUtc = now, DecidedByName = "clara@kas.example", InternalReason = $"Known to us {tag}" });
        r.Links.Add(new RegistrationLink { Id = Guid.NewGuid(), TokenHash = Guid.NewGuid().ToString("N") + "r" + tag, CreatedAtUtc = now });
        db.Registrations.Add(r);
        var pass = new AccessPass { Id = Guid.NewGuid(), EventId = s.EventId, RegistrationId = r.Id, TokenHash = Guid.NewGuid().ToString("N") + "p" + tag, ProtectedToken = "protected", IssuedAtUtc = now };
        db.AccessPasses.Add(pass);
        db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), EventId = s.EventId, RegistrationId = r.Id, AccessPassId = pass.Id, Kind = CheckInKind.Pass, Name = name, OrganisationName = $"Think {tag}", AtUtc = now, Device = $"Main entrance {tag}" });
        db.OnRecordConsents.Add(new OnRecordConsent { Id = Guid.NewGuid(), EventId = s.EventId, RegistrationId = r.Id, Name = name, Email = email, Affiliation = $"Think {tag} affiliation", Scope = ConsentScope.NameAndAffiliation, Status = ConsentStatus.Confirmed, CreatedAtUtc = now });
        var report = await db.Reports.FirstOrDefaultAsync(x => x.EventId == s.EventId)
            ?? db.Reports.Add(new Report { Id = Guid.NewGuid(), EventId = s.EventId, Title = "Report of the talk", Markdown = "# Summary", Status = ReportStatus.Approved, CreatedAtUtc = now, UpdatedAtUtc = now, ConcurrencyStamp = Guid.NewGuid() }).Entity;
        var circulation = new ReportCirculation { Id = Guid.NewGuid(), ReportId = report.Id, VersionNumber = 1, Audiences = [CirculationAudience.AllApproved], AtUtc = now };
        circulation.Recipients.Add(new CirculationRecipient { Id = Guid.NewGuid(), Name = name, Email = email, Reference = "REF-" + tag, RegistrationId = r.Id });
        db.ReportCirculations.Add(circulation);
        db.OutboundEmails.Add(new OutboundEmail
        {
            Id = Guid.NewGuid(), CorrelationKey = $"test:{tag}", ToAddress = email, ToName = name, Subject = $"You are approved {tag}", HtmlBody = "<p>Hello</p>",
            TextBody = $"Hello {name}", EventId = s.EventId, Status = OutboundEmailStatus.Sent, CreatedAtUtc = now, NextAttemptAtUtc = now, SentAtUtc = now,
        });
        var audit = host.Services.GetRequiredService<AuditLog>();
        audit.Record(db, s.Organiser, "registration.security-data-viewed", s.EventId, nameof(Registration), r.Id.ToString(), name);
        audit.Record(db, s.Organiser, "invitation.resent", s.EventId, nameof(Invitation), invitation.Id.ToString(), email);
        await db.SaveChangesAsync();
        return new PersonData(r.Id, contact.Id, otherContact.Id, invitation.Id, question.Id);
    }
}

using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Privacy;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

/// <summary>A person's rights: the export holds everything about them, the erasure removes them everywhere and keeps them out.</summary>
public sealed class PersonRightsTests
{
    private static async Task<System.Security.Claims.ClaimsPrincipal> AdminAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return (await TestUsers.CreateStaffAsync(db, $"admin-{Guid.NewGuid():N}@eventhub.example", null, administrator: true)).Principal;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_holds_everything_about_the_person_and_nothing_about_others(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "1");
        await PersonData.SeedAsync(s, "Bob Brandt", "bob@think.example", "2");
        var admin = await AdminAsync(database);
        var export = host.Scoped.GetRequiredService<ExportPersonalData>();

        var outcome = await export.ExecuteAsync(admin, new PersonLookup { Email = "  ADA@Think.example " });
        var byOrganiser = await export.ExecuteAsync(s.Organiser, new PersonLookup { Email = "ada@think.example" });
        var invalid = await export.ExecuteAsync(admin, new PersonLookup { Email = "not an address" });

        Assert.True(outcome.Succeeded);
        var json = outcome.Value!.ToJson();
        foreach (var expected in new[]
                 {
                     "Konrad-Adenauer-Stiftung", "European Neighbourhood Council", "Met at Riga conference 1", "Senior fellow 1", // both directories
                     "Invitation 1", "\"Action\": \"sent\"", // invitation and its history
                     "+32 2 555 1", "Vegetarian 1", "Central Asian security 1", "Known to us 1", // registration, answer, decision
                     PersonData.DocumentNumber + "1", "Belgian", // decrypted security data
                     "\"IssuedAtUtc\"", "Main entrance 1", // pass and check-in
                     "Think 1 affiliation", "REF-1", "You are approved 1", // consent, circulation copy, email
                     "registration.security-data-viewed", "invitation.resent", // audit entries about her
                 })
        {
            Assert.Contains(expected, json);
        }

        Assert.DoesNotContain("Bob", json);
        Assert.DoesNotContain(PersonData.DocumentNumber + "2", json);
        Assert.Equal(2, outcome.Value.Contacts.Count);
        Assert.Equal(OutcomeStatus.Forbidden, byOrganiser.Status);
        Assert.Equal(OutcomeStatus.Invalid, invalid.Status);
        await using var db = await database.Factory.CreateDbContextAsync();
        var audited = await db.AuditEntries.SingleAsync(a => a.Action == "person.exported");
        Assert.Equal(EmailHash.Of("ada@think.example"), audited.SubjectId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erasure_removes_the_person_everywhere_keeps_the_counts_and_keeps_them_out(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        var ada = await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "1");
        var bob = await PersonData.SeedAsync(s, "Bob Brandt", "bob@think.example", "2");
        await s.UpdateEventAsync(e => e.ApprovedCount = 2);
        var admin = await AdminAsync(database);

        var erased = await host.Scoped.GetRequiredService<ErasePerson>().ExecuteAsync(admin, new PersonLookup { Email = "Ada@think.example" });
        var exportAfter = await host.Scoped.GetRequiredService<ExportPersonalData>().ExecuteAsync(admin, new PersonLookup { Email = "ada@think.example" });

        Assert.True(erased.Succeeded, string.Join(" ", erased.Errors.SelectMany(e => e.Value)));
        Assert.Equal((1, 2, 1, 1), (erased.Value!.Counts.Registrations, erased.Value.Counts.Contacts, erased.Value.Counts.Invitations, erased.Value.Counts.Emails));
        Assert.False(exportAfter.Value!.HoldsAnything, exportAfter.Value.ToJson());
        Assert.True(exportAfter.Value.Suppressed);

        await using var db = await database.Factory.CreateDbContextAsync();
        // Nothing anywhere still names her or holds her address.
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.NormalizedEmail == "ada@think.example"));
        Assert.Equal(0, await db.Registrations.CountAsync(r => r.Name == "Ada Novak" || r.NormalizedEmail == "ada@think.example"));
        Assert.Equal(0, await db.CheckIns.CountAsync(c => c.Name == "Ada Novak"));
        Assert.Equal(0, await db.OnRecordConsents.CountAsync(c => c.Name == "Ada Novak" || c.Email == "ada@think.example"));
        Assert.Equal(0, await db.CirculationRecipients.CountAsync(c => c.Name == "Ada Novak" || c.Email == "ada@think.example"));
        Assert.Equal(0, await db.OutboundEmails.CountAsync(m => m.ToAddress == "ada@think.example"));
        Assert.Equal(0, await db.AccessPasses.CountAsync(p => p.RegistrationId == ada.RegistrationId));
        Assert.Equal(0, await db.Invitations.CountAsync(i => i.Id == ada.InvitationId));
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => (a.Details != null && (a.Details.Contains("Ada") || a.Details.Contains("ada@"))) || a.SubjectId == ada.RegistrationId.ToString() && a.RedactedAtUtc == null));
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.Id == ada.RegistrationId);
        Assert.Equal((Anonymiser.AnonymisedName, RegistrationStatus.Approved, (string?)null), (registration.Name, registration.Status, registration.ProtectedSecurityData));
        Assert.Empty(registration.Answers);
        // The counts stay, and Bob is untouched.
        Assert.Equal(2, (await db.Events.SingleAsync(e => e.Id == s.EventId)).ApprovedCount);
        Assert.Equal(2, await db.Registrations.CountAsync(r => r.EventId == s.EventId && r.Status == RegistrationStatus.Approved));
        Assert.Equal("Bob Brandt", (await db.Registrations.SingleAsync(r => r.Id == bob.RegistrationId)).Name);
        Assert.Equal(2, await db.Contacts.CountAsync(c => c.NormalizedEmail == "bob@think.example"));
        Assert.Equal(1, await db.Invitations.CountAsync(i => i.Id == bob.InvitationId));
        // Only the hash is kept, and the audit entry names the hash, not the address.
        var suppressed = await db.SuppressedAddresses.SingleAsync();
        Assert.Equal(EmailHash.Of("ada@think.example"), suppressed.EmailHash);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "person.erased");
        Assert.Equal(suppressed.EmailHash, entry.SubjectId);
        Assert.DoesNotContain("ada", entry.Details!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_erased_address_cannot_be_added_imported_or_invited_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var s = await VettingScenario.CreateAsync(database, host);
        await PersonData.SeedAsync(s, "Ada Novak", "ada@think.example", "1");
        var admin = await AdminAsync(database);
        Assert.True((await host.Scoped.GetRequiredService<ErasePerson>().ExecuteAsync(admin, new PersonLookup { Email = "ada@think.example" })).Succeeded);

        var added = await host.Scoped.GetRequiredService<SaveContact>().ExecuteAsync(admin, new ContactForm { DirectoryOrganisationId = s.OrganisationId, Name = "Ada Novak", Email = "ADA@think.example" });
        var import = host.Scoped.GetRequiredService<ImportContacts>();
        var file = Encoding.UTF8.GetBytes("Name,Email\nAda Novak,ada@think.example\nCarl Weber,carl@think.example\n");
        var request = new ImportRequest { DirectoryOrganisationId = s.OrganisationId, File = file, Mapping = ImportContacts.Analyse(file).Value!.SuggestedMapping };
        var preview = await import.PreviewAsync(admin, request);
        var refused = await import.ExecuteAsync(admin, request);
        var validOnly = await import.ExecuteAsync(admin, new ImportRequest { DirectoryOrganisationId = s.OrganisationId, File = file, Mapping = request.Mapping, ImportValidRows = true });

        Guid sneakedIn;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // A row written behind the application's back (e.g. restored from an old backup) is still never invited.
            var contact = new Contact { Id = Guid.NewGuid(), DirectoryOrganisationId = s.OrganisationId, Name = "Ada Novak", Email = "ada@think.example", NormalizedEmail = "ada@think.example" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            sneakedIn = contact.Id;
        }

        var invited = await host.Scoped.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [sneakedIn] });

        Assert.Equal(OutcomeStatus.Invalid, added.Status);
        Assert.Equal(SaveContact.SuppressedMessage, added.Errors[nameof(ContactForm.Email)][0]);
        Assert.Equal((1, 1), (preview.Value!.WillAdd, preview.Value.Errors.Count));
        Assert.Equal(2, preview.Value.Errors[0].Line);
        Assert.Contains("asked to be erased", preview.Value.Errors[0].Reason);
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Equal((1, 1), (validOnly.Value!.Added, validOnly.Value.LeftOut));
        Assert.Equal(0, invited.Value!.Invited);
        Assert.Equal(["Ada Novak"], invited.Value.SkippedDoNotContact);
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await check.Invitations.CountAsync(i => i.ContactId == sneakedIn));
        Assert.Equal(0, await check.OutboundEmails.CountAsync(m => m.ToAddress == "ada@think.example"));
    }
}

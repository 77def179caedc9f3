using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Features;

public sealed class DirectoryUseCaseTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_contact_is_saved_with_its_organisation_linked_and_a_second_contact_with_the_same_email_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var enc = await TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council");
        enc.Aliases = ["The Council"];
        await db.SaveChangesAsync();
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveContact>();

        var first = await save.ExecuteAsync(clara, new ContactForm { DirectoryOrganisationId = kas.Id, Name = " Zoë Müller ", Email = " Zoe.Mueller@Example.eu ", Organisation = "the council", Tags = "security, central asia|Security" });
        var duplicate = await save.ExecuteAsync(clara, new ContactForm { DirectoryOrganisationId = kas.Id, Name = "Someone Else", Email = "ZOE.MUELLER@example.eu" });
        var unknownEmployer = await save.ExecuteAsync(clara, new ContactForm { DirectoryOrganisationId = kas.Id, Name = "José Señor", Email = "jose@example.es", Organisation = "Real Instituto Elcano" });

        Assert.True(first.Succeeded);
        Assert.Equal(["Zoë Müller already has the email zoe.mueller@example.eu in this directory."], duplicate.Errors["Email"]);
        var zoe = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == first.Value);
        Assert.Equal(("Zoë Müller", "Zoe.Mueller@Example.eu", "zoe.mueller@example.eu", enc.Id, (string?)null), (zoe.Name, zoe.Email, zoe.NormalizedEmail, zoe.OrganisationId, zoe.OrganisationName));
        Assert.Equal(["security", "central asia"], zoe.Tags);
        var jose = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == unknownEmployer.Value);
        Assert.Equal(((Guid?)null, "Real Instituto Elcano"), (jose.OrganisationId, jose.OrganisationName));

        // Editing keeps the email free for its own contact.
        var edit = ContactForm.From(zoe);
        edit.Position = "Director";
        Assert.True((await save.ExecuteAsync(clara, edit)).Succeeded);
        Assert.Equal(2, await db.Contacts.CountAsync());
    }

    public static IEnumerable<object[]> InvalidForms()
    {
        yield return ["Name", (Action<ContactForm>)(f => f.Name = "  "), "The name is missing."];
        yield return ["Email", (Action<ContactForm>)(f => f.Email = null), "The email is missing."];
        yield return ["Email", (Action<ContactForm>)(f => f.Email = "zoe@localhost"), "'zoe@localhost' is not a valid email address."];
        yield return ["Email", (Action<ContactForm>)(f => f.Email = "Zoë <zoe@example.eu>"), "'Zoë <zoe@example.eu>' is not a valid email address."];
        yield return ["Country", (Action<ContactForm>)(f => f.Country = new string('x', 101)), "The country can be at most 100 characters."];
    }

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task An_invalid_contact_is_refused_with_the_field_and_nothing_is_saved(string field, Action<ContactForm> spoil, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        var form = new ContactForm { DirectoryOrganisationId = kas.Id, Name = "Zoë Müller", Email = "zoe@example.eu" };
        spoil(form);
        await using var scope = host.Scope();

        var outcome = await scope.ServiceProvider.GetRequiredService<SaveContact>().ExecuteAsync(clara, form);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Equal([message], outcome.Errors[field]);
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_list_searches_filters_pages_and_counts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        await TestUsers.CreateOrganisationAsync(db, "NATO");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var save = services.GetRequiredService<SaveContact>();
        for (var i = 1; i <= 12; i++)
        {
            Assert.True((await save.ExecuteAsync(clara, new ContactForm
            {
                DirectoryOrganisationId = kas.Id,
                Name = $"Expert {i:00}",
                Email = $"expert{i:00}@example.org",
                Organisation = i % 3 == 0 ? "nato" : "Real Instituto Elcano",
                Sector = i % 3 == 0 ? Sector.Nato : Sector.ThinkTank,
                Tags = i % 2 == 0 ? "security|energy" : "energy",
                DoNotContact = i == 12,
            })).Succeeded);
        }

        var list = services.GetRequiredService<ListContacts>();
        async Task<(int Total, string Names)> Query(ContactQuery q)
        {
            q.DirectoryOrganisationId = kas.Id;
            var page = (await list.ExecuteAsync(clara, q)).Value!;
            return (page.Total, string.Join(", ", page.Items.Select(c => c.Name)));
        }

        Assert.Equal((12, "Expert 06, Expert 07, Expert 08, Expert 09, Expert 10"), await Query(new ContactQuery { Skip = 5, Take = 5 }));
        Assert.Equal((12, "Expert 12, Expert 11"), await Query(new ContactQuery { Take = 2, Descending = true }));
        Assert.Equal((4, "Expert 03, Expert 06, Expert 09, Expert 12"), await Query(new ContactQuery { Search = "NATO" }));
        Assert.Equal((1, "Expert 07"), await Query(new ContactQuery { Search = "EXPERT07@" }));
        Assert.Equal((8, "Expert 01"), await Query(new ContactQuery { Sector = Sector.ThinkTank, Take = 1 }));
        Assert.Equal((4, "Expert 02, Expert 04, Expert 08, Expert 10"), await Query(new ContactQuery { Tag = "security", Organisation = "Real Instituto Elcano" }));
        Assert.Equal((1, "Expert 12"), await Query(new ContactQuery { DoNotContact = true }));
        Assert.Equal((4, "Expert 12"), await Query(new ContactQuery { Organisation = "NATO", SortBy = ContactSort.Email, Descending = true, Take = 1 }));

        var facets = (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(clara, null)).Value!;
        Assert.Equal(("Konrad-Adenauer-Stiftung", 12), (facets.Directory?.Name, facets.ContactCount));
        Assert.Equal(["energy", "security"], facets.Tags);
        Assert.Equal(["NATO", "Real Instituto Elcano"], facets.Organisations);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_of_another_organisation_can_neither_read_nor_change_a_directory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var other = await TestUsers.CreateOrganisationAsync(db, "Another Foundation");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        var (_, ivan) = await TestUsers.CreateOrganiserAsync(db, "ivan@other.example", other.Id);
        var (_, loner) = await TestUsers.CreateStaffAsync(db, "loner@example.org", null);
        var (_, admin) = await TestUsers.CreateStaffAsync(db, "admin@eventhub.example", null, administrator: true);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var contactId = (await services.GetRequiredService<SaveContact>().ExecuteAsync(clara, new ContactForm { DirectoryOrganisationId = kas.Id, Name = "Zoë Müller", Email = "zoe@example.eu" })).Value;
        var edit = ContactForm.From(await db.Contacts.AsNoTracking().SingleAsync());
        edit.Name = "Hijacked";
        var file = System.Text.Encoding.UTF8.GetBytes("Name,Email\nPlanted,planted@example.org\n");
        var request = new ImportRequest { DirectoryOrganisationId = kas.Id, File = file, Mapping = ImportContacts.Analyse(file).Value!.SuggestedMapping };

        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<ListContacts>().ExecuteAsync(ivan, new ContactQuery { DirectoryOrganisationId = kas.Id })).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<GetContact>().ExecuteAsync(ivan, contactId)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<SaveContact>().ExecuteAsync(ivan, edit)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<SaveContact>().ExecuteAsync(ivan, new ContactForm { DirectoryOrganisationId = kas.Id, Name = "Planted", Email = "planted@example.org" })).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<SetDoNotContact>().ExecuteAsync(ivan, contactId, true)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<ExportContacts>().ExecuteAsync(ivan, kas.Id)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<ImportContacts>().PreviewAsync(ivan, request)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<ImportContacts>().ExecuteAsync(ivan, request)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(ivan, kas.Id)).Status);
        Assert.Equal(OutcomeStatus.Forbidden, (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(loner, null)).Status);
        var contact = await db.Contacts.AsNoTracking().SingleAsync();
        Assert.Equal(("Zoë Müller", false), (contact.Name, contact.DoNotContact));

        // An administrator may keep any directory, and chooses which.
        var adminView = (await services.GetRequiredService<OpenDirectory>().ExecuteAsync(admin, null)).Value!;
        Assert.Null(adminView.Directory);
        Assert.Equal(["Another Foundation", "Konrad-Adenauer-Stiftung"], adminView.Choices.Select(c => c.Name));
        Assert.True((await services.GetRequiredService<SetDoNotContact>().ExecuteAsync(admin, contactId, true)).Succeeded);
        Assert.Equal(1, (await services.GetRequiredService<ListContacts>().ExecuteAsync(admin, new ContactQuery { DirectoryOrganisationId = kas.Id })).Value!.Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Do_not_contact_is_stamped_and_audited_each_way(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        await using var scope = host.Scope();
        var services = scope.ServiceProvider;
        var id = (await services.GetRequiredService<SaveContact>().ExecuteAsync(clara, new ContactForm { DirectoryOrganisationId = kas.Id, Name = "Zoë Müller", Email = "zoe@example.eu" })).Value;
        var set = services.GetRequiredService<SetDoNotContact>();

        Assert.True((await set.ExecuteAsync(clara, id, true)).Succeeded);
        var marked = await db.Contacts.AsNoTracking().SingleAsync();
        Assert.Equal((true, new DateTime(2026, 11, 2, 9, 0, 0)), (marked.DoNotContact, marked.DoNotContactSinceUtc));
        Assert.True((await set.ExecuteAsync(clara, id, true)).Succeeded);
        Assert.True((await set.ExecuteAsync(clara, id, false)).Succeeded);

        var lifted = await db.Contacts.AsNoTracking().SingleAsync();
        Assert.Equal((false, (DateTime?)null), (lifted.DoNotContact, lifted.DoNotContactSinceUtc));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName, a.SubjectId }).ToListAsync();
        Assert.Equal(["contact.created", "contact.do-not-contact.on", "contact.do-not-contact.off"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("clara@kas.example", id.ToString()), (a.ActorName, a.SubjectId)));
    }
}

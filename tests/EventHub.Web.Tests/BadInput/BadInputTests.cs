using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.Core.Features.Registrations;
using EventHub.TestSupport;
using EventHub.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.BadInput;

/// <summary>
/// Malformed and hostile input into the forms, the import and the public request form: each gets a message that names the
/// problem, nothing is saved half-way, and names are stored and shown exactly as typed.
/// Names are stored exactly as entered, without Unicode normalisation: a name decomposed (NFD, "e" + combining diaeresis)
/// stays decomposed and one composed (NFC) stays composed, so what the person typed — usually as on their identity
/// document — is what the door list and the report show. Browsers submit what the keyboard produced (NFC on every common
/// keyboard), so in practice names arrive composed.
/// </summary>
public sealed class BadInputTests
{
    private const string Password = "correct horse battery staple";
    private static readonly string Long = new('x', 100 * 1024);

    public static TheoryData<string> Names => new()
    {
        "نور الهدى عبد الله",
        "王小明",
        "Αλέξανδρος Παπαδόπουλος",
        "Zoe\u0308 Mu\u0308ller (decomposed)",
        "Zo\u00eb M\u00fcller (composed)",
        "<script>alert('x')</script> Smith",
        "Robert'); DROP TABLE Contacts;--",
        "O'Brien \"the younger\" & sons",
    };

    public static TheoryData<string> BadEmails => new()
    {
        "not-an-email", "a@", "@example.org", "a b@example.org", "a@b@example.org", "<script>@example.org", "x@" + new string('a', 400) + ".org",
    };

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task An_invalid_email_is_refused_with_a_message_on_the_email_and_nothing_is_saved(string email)
    {
        await using var d = await Directory.CreateAsync();

        var outcome = await d.SaveAsync(new ContactForm { DirectoryOrganisationId = d.Kas.Id, Name = "Ana Lima", Email = email });

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors, e => e.Key == nameof(ContactForm.Email) && e.Value.Any(m => m.Length > 0));
        Assert.Equal(0, await d.ContactsAsync());
    }

    [Theory]
    [InlineData(nameof(ContactForm.Name), "300")]
    [InlineData(nameof(ContactForm.Organisation), "300")]
    [InlineData(nameof(ContactForm.Position), "300")]
    [InlineData(nameof(ContactForm.Country), "100")]
    [InlineData(nameof(ContactForm.Tags), "1000")]
    [InlineData(nameof(ContactForm.Notes), "4000")]
    public async Task A_100_KB_field_is_refused_with_its_limit_and_nothing_is_saved(string field, string limit)
    {
        await using var d = await Directory.CreateAsync();
        var form = new ContactForm { DirectoryOrganisationId = d.Kas.Id, Name = "Ana Lima", Email = "ana@example.org" };
        typeof(ContactForm).GetProperty(field)!.SetValue(form, Long);

        var outcome = await d.SaveAsync(form);

        Assert.Equal(OutcomeStatus.Invalid, outcome.Status);
        Assert.Contains(outcome.Errors[field], m => m.Contains(limit.Length > 3 ? $"{limit[0]},{limit[1..]}" : limit) || m.Contains(limit));
        Assert.Equal(0, await d.ContactsAsync());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_name_in_any_script_or_with_markup_is_stored_exactly_and_shown_encoded(string name)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = EventHubAppFactory.Create(database);
        var admin = await app.CreateUserAsync("admin@example.org", Password, administrator: true);
        var kas = await app.WithDbAsync(db => TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS"));
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveContact>()
                .ExecuteAsync(TestUsers.Principal(admin, administrator: true), new ContactForm { DirectoryOrganisationId = kas.Id, Name = name, Email = "person@example.org", Notes = name });
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
            id = saved.Value;
        }

        var stored = await app.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == id));
        Assert.Equal(name, stored.Name, StringComparer.Ordinal);
        Assert.Equal(name, stored.Notes, StringComparer.Ordinal);

        var client = await StaffLogin.ClientAsync(app, "admin@example.org", Password);
        var page = await client.GetStringAsync($"/directory/{id}");
        var shown = Regex.Matches(page, "value=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Contains(name, shown);
        Assert.DoesNotContain("<script>alert", page);
    }

    [Fact]
    public async Task Files_the_import_cannot_read_get_a_message_and_import_nothing()
    {
        await using var d = await Directory.CreateAsync();
        var empty = ImportContacts.Analyse([]);
        Assert.False(empty.Succeeded);
        Assert.NotEmpty(empty.Errors.SelectMany(e => e.Value));

        var files = new Dictionary<string, byte[]>
        {
            ["binary"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE, 0x00],
            ["UTF-16 without a mark"] = Encoding.Unicode.GetBytes("Name,Email\nAna Lima,ana@example.org\n"),
            ["header only"] = Encoding.UTF8.GetBytes("Name,Email\n"),
            ["bad rows"] = Encoding.UTF8.GetBytes("Name,Email\n,missing-name@example.org\nNo Email,\nBad Email,not-an-email\n"),
        };
        foreach (var (what, file) in files)
        {
            var analysis = ImportContacts.Analyse(file);
            if (!analysis.Succeeded)
            {
                Assert.True(analysis.Errors.SelectMany(e => e.Value).Any(m => m.Length > 0), what);
                continue;
            }

            await using var scope = d.Host.Scope();
            var import = scope.ServiceProvider.GetRequiredService<ImportContacts>();
            var outcome = await import.ExecuteAsync(d.Admin, new ImportRequest { DirectoryOrganisationId = d.Kas.Id, File = file, Mapping = analysis.Value!.SuggestedMapping });
            Assert.True(!outcome.Succeeded || outcome.Value!.Added == 0, what);
            if (!outcome.Succeeded)
            {
                Assert.True(outcome.Errors.SelectMany(e => e.Value).Any(m => m.Length > 0), what);
            }
        }

        Assert.Equal(0, await d.ContactsAsync());
    }

    [Fact]
    public async Task A_windows_1252_file_is_read_with_its_accents_and_a_utf8_file_with_arabic_names_round_trips()
    {
        await using var d = await Directory.CreateAsync();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin = Encoding.GetEncoding(1252).GetBytes("Name;Email\nZoë Müller;zoe@example.org\nFrançois Ménard;francois@example.org\n");
        var arabic = Encoding.UTF8.GetBytes("Name,Email\nنور الهدى عبد الله,nour@example.org\n王小明,wang@example.org\n");

        foreach (var file in new[] { latin, arabic })
        {
            var analysis = ImportContacts.Analyse(file).Value!;
            await using var scope = d.Host.Scope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportContacts>()
                .ExecuteAsync(d.Admin, new ImportRequest { DirectoryOrganisationId = d.Kas.Id, File = file, Mapping = analysis.SuggestedMapping });
            Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        }

        await using var db = await d.Host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync();
        var names = await db.Contacts.Select(c => c.Name).ToListAsync();
        Assert.Equal(["François Ménard", "Zoë Müller", "نور الهدى عبد الله", "王小明"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_public_request_form_refuses_hostile_input_with_messages_and_keeps_a_foreign_name_exactly()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = CoreTestHost.Create(database);
        Guid eventId;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var org = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            var now = host.Clock.GetUtcNow().UtcDateTime;
            var e = new Event
            {
                Id = Guid.NewGuid(), Title = "Round table", TimeZoneId = "Europe/Brussels", OrganisationId = org.Id, City = "Brussels", Capacity = 30,
                StartsAtUtc = now.AddDays(14), EndsAtUtc = now.AddDays(14).AddHours(3), Status = EventStatus.Open, AllowRequests = true, ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            eventId = e.Id;
        }

        RequestForm Form(string name, string email, string? reason = "I work on Central Asia.") => new()
        {
            Name = name, Email = email, Organisation = "EEAS", Reason = reason, AcknowledgeRule = true,
        };
        async Task<Outcome> RequestAsync(RequestForm form)
        {
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<RequestToAttend>().ExecuteAsync(eventId, form);
        }

        var tooLong = await RequestAsync(Form(Long, "ana@example.org"));
        var badEmail = await RequestAsync(Form("Ana Lima", "ana@@example"));
        var longReason = await RequestAsync(Form("Ana Lima", "ana@example.org", Long));

        Assert.Contains(tooLong.Errors[nameof(RequestForm.Name)], m => m.Contains("at most 300 characters"));
        Assert.Contains(nameof(RequestForm.Email), badEmail.Errors.Keys);
        Assert.Contains(longReason.Errors[nameof(RequestForm.Reason)], m => m.Contains("2,000"));
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Registrations.CountAsync());
            Assert.Equal(0, await db.OutboundEmails.CountAsync());
        }

        const string name = "Αλέξανδρος <b>Παπαδόπουλος</b>";
        Assert.True((await RequestAsync(Form(name, "alexandros@example.org"))).Succeeded);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            Assert.Equal(name, (await db.Registrations.SingleAsync()).Name, StringComparer.Ordinal);
        }
    }

    /// <summary>An administrator and the KAS directory on a fresh SQLite database.</summary>
    private sealed class Directory : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required CoreTestHost Host { get; init; }
        public required Organisation Kas { get; init; }
        public required System.Security.Claims.ClaimsPrincipal Admin { get; init; }

        public static async Task<Directory> CreateAsync()
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var host = CoreTestHost.Create(database);
            await using var db = await database.Factory.CreateDbContextAsync();
            var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
            var (_, admin) = await TestUsers.CreateStaffAsync(db, "admin@example.org", null, administrator: true);
            return new Directory { Database = database, Host = host, Kas = kas, Admin = admin };
        }

        public async Task<Outcome<Guid>> SaveAsync(ContactForm form)
        {
            await using var scope = Host.Scope();
            return await scope.ServiceProvider.GetRequiredService<SaveContact>().ExecuteAsync(Admin, form);
        }

        public async Task<int> ContactsAsync()
        {
            await using var db = await Database.Factory.CreateDbContextAsync();
            return await db.Contacts.CountAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}

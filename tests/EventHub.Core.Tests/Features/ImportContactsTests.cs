using System.Text;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Features;

public sealed class ImportContactsTests
{
    private const string AcceptedSectors = "EU institution, NATO, National government, Parliament, Academia, Think-tank, Media, Private sector, Civil society, International organisation, Other";

    /// <summary>Good and bad rows as an organiser's spreadsheet holds them; the comments give each row's physical line.</summary>
    private static string SampleFile(char s) => string.Join("\r\n",
        $"Full name{s}E-mail{s}Organization{s}Sector{s}Title{s}Country{s}Tags{s}Notes",                                     // 1
        $"Zoë Müller{s}zoe.mueller@example.eu{s}KAS{s}Think-tank{s}Director{s}Germany{s}central asia|security{s}",         // 2
        $"José Señor{s}Jose.Senor@example.es{s}Real Instituto Elcano{s}think tank{s}Analyst{s}Spain{s}\"security, energy\"{s}", // 3
        $"{s}nameless@example.org{s}{s}{s}{s}{s}{s}",                                                                      // 4
        $"Anna Kowalska{s}anna(at)example.pl{s}{s}Academia{s}{s}Poland{s}{s}",                                             // 5
        $"Pieter de Vries{s}ZOE.MUELLER@example.eu{s}{s}NATO{s}{s}{s}{s}",                                                 // 6
        $"\"Berg{s} Lars\"{s}lars@example.se{s}{s}Lobby{s}{s}{s}{s}\"Met in Vilnius",                                      // 7
        "prefers email\"",                                                                                                   // 8
        "",                                                                                                                  // 9
        $"Mira Chen{s}mira.chen@example.org{s}North Atlantic Treaty Organization{s}NATO{s}Policy officer{s}{s}{s}",        // 10
        "");

    private static readonly ImportRowError[] SampleErrors =
    [
        new(4, "The name is missing."),
        new(5, "'anna(at)example.pl' is not a valid email address."),
        new(6, "Same email as line 2 (zoe.mueller@example.eu)."),
        new(7, $"Unknown sector 'Lobby'; accepted values: {AcceptedSectors}."),
    ];

    public static IEnumerable<object[]> ProvidersEncodingsAndSeparators()
    {
        foreach (var provider in TestDatabase.Providers())
        {
            foreach (var encoding in new[] { "UTF-8 with BOM", "UTF-8", "Windows-1252" })
            {
                foreach (var separator in new[] { ',', ';' })
                {
                    yield return [provider[0], encoding, separator];
                }
            }
        }
    }

    private static byte[] Encode(string text, string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return encoding switch
        {
            "UTF-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "UTF-8" => Encoding.UTF8.GetBytes(text),
            _ => Encoding.GetEncoding(1252).GetBytes(text),
        };
    }

    private sealed class DirectoryFixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required CoreTestHost Host { get; init; }
        public required AsyncServiceScope Scope { get; init; }
        public required Organisation Kas { get; init; }
        public required System.Security.Claims.ClaimsPrincipal Clara { get; init; }

        public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

        public async Task<T> Db<T>(Func<EventHubDbContext, Task<T>> query)
        {
            await using var db = await Database.Factory.CreateDbContextAsync();
            return await query(db);
        }

        public ImportRequest Request(byte[] file, ImportMapping mapping, ExistingContactPolicy existing = ExistingContactPolicy.Update, bool importValidRows = false, Guid? directory = null) =>
            new() { DirectoryOrganisationId = directory ?? Kas.Id, File = file, Mapping = mapping, Existing = existing, ImportValidRows = importValidRows };

        public async ValueTask DisposeAsync()
        {
            await Scope.DisposeAsync();
            await Host.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    private static async Task<DirectoryFixture> CreateDirectoryAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        var nato = await TestUsers.CreateOrganisationAsync(db, "NATO");
        nato.Aliases = ["North Atlantic Treaty Organization"];
        await db.SaveChangesAsync();
        var (_, clara) = await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id);
        return new DirectoryFixture { Database = database, Host = host, Scope = host.Scope(), Kas = kas, Clara = clara };
    }

    [Theory]
    [MemberData(nameof(ProvidersEncodingsAndSeparators))]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_written_until_the_organiser_confirms(DatabaseProvider provider, string encoding, char separator)
    {
        await using var d = await CreateDirectoryAsync(provider);
        var file = Encode(SampleFile(separator), encoding);
        var import = d.Get<ImportContacts>();

        var analysis = ImportContacts.Analyse(file).Value!;
        Assert.Equal((encoding, separator), (analysis.EncodingName, analysis.Separator));
        Assert.Equal(["Full name", "E-mail", "Organization", "Sector", "Title", "Country", "Tags", "Notes"], analysis.Headers);
        Assert.Equal(Enum.GetValues<ContactField>().Where(f => f is not (ContactField.DoNotContact or ContactField.Language)).Select((f, i) => (f, i)),
            analysis.SuggestedMapping.Columns.OrderBy(c => c.Value).Select(c => (c.Key, c.Value)));
        Assert.Equal(7, analysis.RowCount);

        var preview = (await import.PreviewAsync(d.Clara, d.Request(file, analysis.SuggestedMapping))).Value!;
        Assert.Equal(SampleErrors, preview.Errors);
        Assert.Equal((7, 3, 0, 0), (preview.Rows, preview.WillAdd, preview.WillUpdate, preview.WillSkip));
        Assert.Equal(0, await d.Db(db => db.Contacts.CountAsync()));

        var refused = await import.ExecuteAsync(d.Clara, d.Request(file, analysis.SuggestedMapping));
        Assert.Equal(OutcomeStatus.Invalid, refused.Status);
        Assert.Equal(["Nothing was imported: 4 rows with errors. Fix them and upload the file again, or choose to import the valid rows."], refused.Errors[""]);
        Assert.Equal(0, await d.Db(db => db.Contacts.CountAsync()));
        Assert.Equal(0, await d.Db(db => db.AuditEntries.CountAsync()));

        var progress = new List<ImportProgress>();
        var done = await import.ExecuteAsync(d.Clara, d.Request(file, analysis.SuggestedMapping, importValidRows: true), new SynchronousProgress(progress.Add));

        Assert.Equal(new ImportResult(3, 0, 0, 4), done.Value);
        Assert.Equal(new ImportProgress(3, 3), progress[^1]);
        var contacts = await d.Db(db => db.Contacts.Include(c => c.Organisation).OrderBy(c => c.NormalizedEmail).ToListAsync());
        Assert.Equal(["José Señor", "Mira Chen", "Zoë Müller"], contacts.Select(c => c.Name));
        var jose = contacts[0];
        Assert.Equal(("Jose.Senor@example.es", "jose.senor@example.es", null, "Real Instituto Elcano", Sector.ThinkTank, "Analyst", "Spain"),
            (jose.Email, jose.NormalizedEmail, jose.OrganisationId, jose.OrganisationName, jose.Sector, jose.Position, jose.Country));
        Assert.Equal(["security", "energy"], jose.Tags);
        Assert.Equal(("NATO", Sector.Nato), (contacts[1].Organisation?.Name, contacts[1].Sector));
        Assert.Equal((d.Kas.Id, (string?)null), (contacts[2].OrganisationId, contacts[2].OrganisationName));
        Assert.Equal(["central asia", "security"], contacts[2].Tags);
        var audit = await d.Db(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("contacts.imported", "clara@kas.example", "3 added, 0 updated, 0 skipped, 4 rows with errors left out"), (audit.Action, audit.ActorName, audit.Details));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Contacts_already_in_the_directory_are_updated_or_skipped_as_the_organiser_chose(DatabaseProvider provider)
    {
        await using var d = await CreateDirectoryAsync(provider);
        var saved = await d.Get<SaveContact>().ExecuteAsync(d.Clara, new ContactForm { DirectoryOrganisationId = d.Kas.Id, Name = "Zoe Mueller", Email = "zoe.mueller@example.eu", Position = "Researcher" });
        Assert.True(saved.Succeeded);
        var file = Encoding.UTF8.GetBytes("Name,Email,Position,Do not contact\nZoë Müller,ZOE.MUELLER@example.eu,Director,yes\nNew Person,new@example.org,Analyst,\n");
        var mapping = ImportContacts.Analyse(file).Value!.SuggestedMapping;
        var import = d.Get<ImportContacts>();

        var skipPreview = (await import.PreviewAsync(d.Clara, d.Request(file, mapping, ExistingContactPolicy.Skip))).Value!;
        var updatePreview = (await import.PreviewAsync(d.Clara, d.Request(file, mapping, ExistingContactPolicy.Update))).Value!;
        Assert.Equal((1, 0, 1), (skipPreview.WillAdd, skipPreview.WillUpdate, skipPreview.WillSkip));
        Assert.Equal((1, 1, 0), (updatePreview.WillAdd, updatePreview.WillUpdate, updatePreview.WillSkip));

        var skipped = await import.ExecuteAsync(d.Clara, d.Request(file, mapping, ExistingContactPolicy.Skip));
        Assert.Equal(new ImportResult(1, 0, 1, 0), skipped.Value);
        var zoe = await d.Db(db => db.Contacts.SingleAsync(c => c.Id == saved.Value));
        Assert.Equal(("Zoe Mueller", "Researcher", false), (zoe.Name, zoe.Position, zoe.DoNotContact));

        var updated = await import.ExecuteAsync(d.Clara, d.Request(file, mapping, ExistingContactPolicy.Update));
        Assert.Equal(new ImportResult(0, 2, 0, 0), updated.Value);
        zoe = await d.Db(db => db.Contacts.SingleAsync(c => c.Id == saved.Value));
        Assert.Equal(("Zoë Müller", "Director", true), (zoe.Name, zoe.Position, zoe.DoNotContact));
        Assert.Equal(2, await d.Db(db => db.Contacts.CountAsync()));
        Assert.Contains("contact.do-not-contact.on", await d.Db(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_that_fails_half_way_writes_nothing(DatabaseProvider provider)
    {
        await using var d = await CreateDirectoryAsync(provider);
        var csv = new StringBuilder("Name,Email\n");
        for (var i = 1; i <= 30; i++)
        {
            csv.Append($"Expert {i},expert{i}@example.org\n");
        }

        var file = Encoding.UTF8.GetBytes(csv.ToString());
        var import = d.Get<ImportContacts>();
        import.BatchSize = 10;
        using var cancel = new CancellationTokenSource();
        var progress = new List<ImportProgress>();
        // The organiser leaves the page after the first batch has been saved inside the transaction.
        var reporter = new SynchronousProgress(p =>
        {
            progress.Add(p);
            if (p.Processed >= 10)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            import.ExecuteAsync(d.Clara, d.Request(file, ImportContacts.Analyse(file).Value!.SuggestedMapping), reporter, cancel.Token));

        Assert.Equal([new ImportProgress(0, 30), new ImportProgress(10, 30)], progress);
        Assert.Equal(0, await d.Db(db => db.Contacts.CountAsync()));
        Assert.Equal(0, await d.Db(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_exported_directory_imports_back_as_it_was(DatabaseProvider provider)
    {
        await using var d = await CreateDirectoryAsync(provider);
        var other = await d.Db(db => TestUsers.CreateOrganisationAsync(db, "European Neighbourhood Council", "ENC"));
        var (_, admin) = await d.Db(db => TestUsers.CreateStaffAsync(db, "admin@eventhub.example", null, administrator: true));
        var save = d.Get<SaveContact>();
        ContactForm[] forms =
        [
            new() { Name = "Berg, Lars", Email = "lars@example.se", Organisation = "Swedish Institute of International Affairs", Sector = Sector.ThinkTank, Position = "Senior \"fellow\"", Country = "Sweden", Tags = "security|nordics", Notes = "Met in Vilnius;\nprefers email", DoNotContact = true, PreferredLanguage = "de" },
            new() { Name = "Zoë Müller", Email = "zoe.mueller@example.eu", Organisation = "KAS", Sector = Sector.EuInstitution, Notes = "=HYPERLINK(\"http://evil\")" },
            new() { Name = "Mira Chen", Email = "mira.chen@example.org", Sector = Sector.Other, Notes = "-2 seats" },
        ];
        foreach (var form in forms)
        {
            form.DirectoryOrganisationId = d.Kas.Id;
            Assert.True((await save.ExecuteAsync(d.Clara, form)).Succeeded);
        }

        var export = (await d.Get<ExportContacts>().ExecuteAsync(d.Clara, d.Kas.Id)).Value!;
        Assert.Equal("expert-directory-kas-2026-11-02.csv", export.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], export.Content[..3]);
        var text = Encoding.UTF8.GetString(export.Content, 3, export.Content.Length - 3);
        Assert.StartsWith("Name,Email,Organisation,Sector,Position,Country,Tags,Notes,Do not contact,Language\r\n", text);
        Assert.Contains("'=HYPERLINK", text);

        var analysis = ImportContacts.Analyse(export.Content).Value!;
        Assert.Equal(Enum.GetValues<ContactField>().Select((f, i) => (f, i)), analysis.SuggestedMapping.Columns.OrderBy(c => c.Value).Select(c => (c.Key, c.Value)));
        var result = await d.Get<ImportContacts>().ExecuteAsync(admin, d.Request(export.Content, analysis.SuggestedMapping, directory: other.Id));
        Assert.Equal(new ImportResult(3, 0, 0, 0), result.Value);

        static object Shape(Contact c) => new { c.Name, c.Email, c.OrganisationId, c.OrganisationName, c.Sector, c.Position, c.Country, Tags = string.Join("|", c.Tags), c.Notes, c.DoNotContact, c.PreferredLanguage };
        var original = await d.Db(db => db.Contacts.Where(c => c.DirectoryOrganisationId == d.Kas.Id).OrderBy(c => c.Name).ToListAsync());
        var copy = await d.Db(db => db.Contacts.Where(c => c.DirectoryOrganisationId == other.Id).OrderBy(c => c.Name).ToListAsync());
        Assert.Equal(original.Select(Shape), copy.Select(Shape));
        Assert.Equal("Met in Vilnius;\nprefers email", copy.Single(c => c.Name == "Berg, Lars").Notes);
    }

    [Theory]
    [InlineData("International organisation")]
    [InlineData("international organization")]
    [InlineData("Intergovernmental Organisation")]
    [InlineData("IO")]
    [InlineData("OSCE")]
    [InlineData("UN")]
    [InlineData("InternationalOrganisation")]
    public void An_international_organisation_is_a_sector_in_its_common_spellings(string written)
    {
        Assert.True(SectorNames.TryParse(written, out var sector));
        Assert.Equal(Sector.InternationalOrganisation, sector);
        Assert.Equal("International organisation", SectorNames.Label(sector));
    }

    [Fact]
    public void A_file_without_rows_or_with_unmapped_required_columns_is_explained()
    {
        Assert.Equal(["The file is empty: it needs a header row and one row per expert."], ImportContacts.Analyse([]).Errors["File"]);
        Assert.Equal(["The file is larger than 10 MB: split it into smaller files."], ImportContacts.Analyse(new byte[ContactCsv.MaxFileBytes + 1]).Errors["File"]);
    }

    /// <summary>Reports on the caller's thread, as the import's page does through its own renderer.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

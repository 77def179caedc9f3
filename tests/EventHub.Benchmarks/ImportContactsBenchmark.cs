using System.Text;
using BenchmarkDotNet.Attributes;
using EventHub.Core.Data;
using EventHub.Core.Features.Directory;
using EventHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Benchmarks;

/// <summary>An organiser imports 10,000 experts from CSV into a SQLite file: Analyse, Preview and Commit, as the import page does.</summary>
[MemoryDiagnoser]
public class ImportContactsBenchmark
{
    private const int Rows = 10_000;
    private byte[] file = [];
    private TestDatabase database = null!;
    private CoreTestHost host = null!;
    private Organisation kas = null!;
    private System.Security.Claims.ClaimsPrincipal organiser = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var csv = new StringBuilder("Name;E-mail;Organisation;Sector;Position;Country;Tags;Notes\r\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append($"Zoë Müller {i};expert{i}@example.eu;{(i % 4 == 0 ? "KAS" : "Real Instituto Elcano")};Think-tank;Senior fellow;Germany;security|central asia;Met at the Vilnius summit\r\n");
        }

        file = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = CoreTestHost.Create(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        kas = await TestUsers.CreateOrganisationAsync(db, "Konrad-Adenauer-Stiftung", "KAS");
        organiser = (await TestUsers.CreateOrganiserAsync(db, "clara@kas.example", kas.Id)).Principal;
    }

    [IterationSetup]
    public void EmptyTheDirectory()
    {
        using var db = database.Factory.CreateDbContext();
        db.Contacts.RemoveRange(db.Contacts);
        db.SaveChanges();
    }

    [Benchmark]
    public async Task<int> Import10000ContactsFromCsv()
    {
        await using var scope = host.Scope();
        var import = scope.ServiceProvider.GetRequiredService<ImportContacts>();
        var analysis = ImportContacts.Analyse(file).Value!;
        var request = new ImportRequest { DirectoryOrganisationId = kas.Id, File = file, Mapping = analysis.SuggestedMapping };
        var preview = (await import.PreviewAsync(organiser, request)).Value!;
        var result = (await import.ExecuteAsync(organiser, request)).Value!;
        return preview.WillAdd + result.Added;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }
}

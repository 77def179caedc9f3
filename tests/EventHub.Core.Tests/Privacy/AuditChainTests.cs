using EventHub.Core.Auditing;
using EventHub.Core.Data;
using EventHub.Core.Jobs;
using EventHub.TestSupport;
using EventHub.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

/// <summary>The audit log is hash-chained: sealing, verification, and each kind of tampering caught (also by the host's verb).</summary>
public sealed class AuditChainTests
{
    private static async Task RecordAsync(TestDatabase database, CoreTestHost host, int count, string prefix = "test.action")
    {
        var audit = host.Services.GetRequiredService<AuditLog>();
        var (_, actor) = await CreateActorAsync(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
        {
            audit.Record(db, actor, $"{prefix}.{i}", null, "Thing", i.ToString(), $"Details of entry {i} about Ada Novak");
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(ApplicationUser, System.Security.Claims.ClaimsPrincipal)> CreateActorAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await TestUsers.CreateStaffAsync(db, $"actor-{Guid.NewGuid():N}@kas.example", null);
    }

    private static Task<AuditChainReport> VerifyAsync(CoreTestHost host) => host.Services.GetRequiredService<AuditChainVerifier>().VerifyAsync();

    private static Task<SealSummary> SealAsync(CoreTestHost host) => host.Services.GetRequiredService<SealAuditLog>().ExecuteAsync(CancellationToken.None);

    private static async Task<int> RunVerbAsync(TestDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Jobs:RunServer"] = "false",
        });
        builder.AddEventHubCore();
        await using var app = builder.Build();
        return await HostCommands.RunAsync(app, ["verify-audit"]);
    }

    private static async Task<AuditEntry> AtAsync(TestDatabase database, long chainIndex)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().SingleAsync(a => a.ChainIndex == chainIndex);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entries_are_sealed_in_order_and_the_chain_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 5);

        var before = await VerifyAsync(host);
        var sealedNow = await SealAsync(host);
        var again = await SealAsync(host);
        var report = await VerifyAsync(host);

        Assert.Equal(5, before.Unsealed);
        Assert.Equal((5, 5L), (sealedNow.Sealed, sealedNow.HeadIndex));
        Assert.Equal(0, again.Sealed);
        Assert.True(report.Valid, report.Summary);
        Assert.Equal((5L, 5L, 0), (report.Checked, report.HeadIndex!.Value, report.Unsealed));
        await using var db = await database.Factory.CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.ChainIndex!.Value));
        Assert.All(entries, e => Assert.Equal(AuditChain.ContentDigest(e.ActorName, e.Details), e.ContentDigest));
        Assert.Equal(0, await RunVerbAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_altered_entry_is_detected_and_the_verb_fails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 5);
        await SealAsync(host);
        var third = await AtAsync(database, 3);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.AuditEntries.Where(a => a.Id == third.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "nothing.to.see"));
        }

        var report = await VerifyAsync(host);

        Assert.False(report.Valid);
        Assert.Equal(3L, report.BrokenAt);
        Assert.Equal(third.Id, report.BrokenEntryId);
        Assert.Contains("altered", report.Problem);
        Assert.Equal(1, await RunVerbAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Altered_details_are_detected_through_the_digest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 4);
        await SealAsync(host);
        var second = await AtAsync(database, 2);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.AuditEntries.Where(a => a.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Details, "Approved by someone else"));
        }

        var report = await VerifyAsync(host);

        Assert.False(report.Valid);
        Assert.Equal(2L, report.BrokenAt);
        Assert.Contains("digest", report.Problem);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_altered_digest_is_detected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 4);
        await SealAsync(host);
        var fourth = await AtAsync(database, 4);
        var forged = AuditChain.ContentDigest(fourth.ActorName, "forged");
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // Text and digest changed together: the digest matches the text, but not the hash sealed over it.
            await db.AuditEntries.Where(a => a.Id == fourth.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContentDigest, forged).SetProperty(a => a.Details, "forged"));
        }

        var report = await VerifyAsync(host);

        Assert.False(report.Valid);
        Assert.Equal(4L, report.BrokenAt);
        Assert.Contains("hash does not follow", report.Problem);
        Assert.Equal(1, await RunVerbAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_removed_entry_is_detected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 5);
        await SealAsync(host);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.AuditEntries.Where(a => a.ChainIndex == 2).ExecuteDeleteAsync();
        }

        var gap = await VerifyAsync(host);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // Closing the gap by renumbering does not help: the next entry's hash was sealed over the removed one's.
            await db.AuditEntries.Where(a => a.ChainIndex > 2).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChainIndex, a => a.ChainIndex + 1000));
            await db.AuditEntries.Where(a => a.ChainIndex > 1000).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChainIndex, a => a.ChainIndex - 1001));
        }

        var renumbered = await VerifyAsync(host);

        Assert.False(gap.Valid);
        Assert.Equal(2L, gap.BrokenAt);
        Assert.Contains("missing", gap.Problem);
        Assert.False(renumbered.Valid);
        Assert.Equal(2L, renumbered.BrokenAt);
        Assert.Equal(1, await RunVerbAsync(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Redaction_keeps_the_chain_valid(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 3);
        await SealAsync(host);
        await RecordAsync(database, host, 2, "later"); // not sealed yet when redacted
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var redacted = await AuditRedaction.RedactAsync(db.AuditEntries.Where(a => a.Action == "test.action.1" || a.Action == "later.0"), host.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            Assert.Equal(2, redacted);
        }

        await SealAsync(host);
        var report = await VerifyAsync(host);

        Assert.True(report.Valid, report.Summary);
        Assert.Equal(5L, report.Checked);
        await using var check = await database.Factory.CreateDbContextAsync();
        var entry = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "test.action.1");
        Assert.Null(entry.Details);
        Assert.Null(entry.ActorName);
        Assert.NotNull(entry.RedactedAtUtc);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_sealers_at_once_make_one_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await RecordAsync(database, host, 300);

        var a = host.Services.GetRequiredService<SealAuditLog>();
        var b = host.Services.GetRequiredService<SealAuditLog>();
        a.BatchSize = b.BatchSize = 40;
        var results = await Task.WhenAll(Task.Run(() => a.ExecuteAsync(CancellationToken.None)), Task.Run(() => b.ExecuteAsync(CancellationToken.None)));
        var rest = await SealAsync(host);
        var report = await VerifyAsync(host);

        Assert.Equal(300, results.Sum(r => r.Sealed) + rest.Sealed);
        Assert.True(report.Valid, report.Summary);
        Assert.Equal((300L, 0), (report.Checked, report.Unsealed));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_entry_committed_late_is_sealed_at_the_next_run(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            foreach (var id in new long[] { 10, 20 })
            {
                db.AuditEntries.Add(new AuditEntry { Id = id, AtUtc = host.Clock.GetUtcNow().UtcDateTime, Action = $"entry.{id}", ContentDigest = AuditChain.ContentDigest(null, null) });
            }

            await db.SaveChangesAsync();
        }

        await SealAsync(host);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            // A transaction that took id 15 before 20 was written, committing only now.
            db.AuditEntries.Add(new AuditEntry { Id = 15, AtUtc = host.Clock.GetUtcNow().UtcDateTime, Action = "entry.15", ContentDigest = AuditChain.ContentDigest(null, null) });
            await db.SaveChangesAsync();
        }

        await SealAsync(host);
        var report = await VerifyAsync(host);

        Assert.True(report.Valid, report.Summary);
        Assert.Equal(15L, (await AtAsync(database, 3)).Id);
    }
}

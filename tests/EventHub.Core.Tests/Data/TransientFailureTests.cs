using System.Data.Common;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Features.Staff;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// SQL Server (production) and PostgreSQL retry transient failures. A unit of work with its own transaction runs inside the
/// execution strategy, so a connection lost half-way through is redone whole, from a clean slate, and commits once.
/// The failure here is real: the server process behind the unit's connection is terminated from a second connection.
/// </summary>
public sealed class TransientFailureTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_invited_staff_member_gets_the_account_the_role_and_the_set_password_email_together(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database);
        var admin = await CreateAdministratorAsync(database, host);

        var invited = await InviteAsync(host, admin, "nina@kas.example", "Nina Park", makeAdministrator: true);
        var again = await InviteAsync(host, admin, "nina@kas.example", "Nina Again");

        Assert.True(invited.Succeeded, string.Join("; ", invited.Errors.SelectMany(e => e.Value)));
        Assert.False(again.Succeeded);
        Assert.Equal("nina@kas.example already has an account.", again.Errors["Email"].Single());
        await AssertOneInvitationAsync(database, host, invited.Value!, "nina@kas.example", "Nina Park", administrator: true);
    }

    [PostgresFact]
    public async Task A_decision_whose_connection_is_lost_half_way_is_redone_whole_and_commits_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        // Lost when the unit saves its rows: after it has taken the place with its conditional UPDATE of the event's counter.
        var failure = new TerminateBackendOnce(database.ConnectionString, sql => sql.Contains("INSERT INTO \"OutboundEmails\"", StringComparison.Ordinal));
        await using var host = CoreTestHost.Create(database, services: s => s.ConfigureDbContext<EventHubDbContext>(o => o.AddInterceptors(failure)));
        var s = await VettingScenario.CreateAsync(database, host);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Think Institute");

        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, ada.Id, new DecisionForm { Decision = VettingDecision.Approved }));

        Assert.Equal(1, failure.Terminated);
        Assert.Equal(2, failure.Matched); // the lost attempt, then the retry on a new connection
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal("Ada Novak approved; the approval email with the access pass is in the outbox.", outcome.Value!.Message);
        var approved = await s.RegistrationAsync(ada.Id);
        Assert.Equal(RegistrationStatus.Approved, approved.Status);
        Assert.Single(approved.Approvals);
        Assert.Equal(1, (await s.EventAsync()).ApprovedCount); // the lost attempt's place was rolled back with it
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{ada.Id}:approved"));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "registration.approval" && a.SubjectId == ada.Id.ToString()));
        Assert.Equal(1, await db.AccessPasses.CountAsync(p => p.RegistrationId == ada.Id && p.VoidedAtUtc == null));
    }

    [PostgresFact]
    public async Task A_staff_invitation_whose_connection_is_lost_after_the_account_was_saved_is_redone_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        // Lost after Identity's UserManager saved the account (and its role) in the unit's transaction.
        var failure = new TerminateBackendOnce(database.ConnectionString, sql => sql.Contains("INSERT INTO \"OutboundEmails\"", StringComparison.Ordinal));
        await using var host = CoreTestHost.Create(database, services: s => s.ConfigureDbContext<EventHubDbContext>(o => o.AddInterceptors(failure)));
        var admin = await CreateAdministratorAsync(database, host);

        var invited = await InviteAsync(host, admin, "nina@kas.example", "Nina Park", makeAdministrator: true);

        Assert.Equal(1, failure.Terminated);
        Assert.Equal(2, failure.Matched);
        // Not "already has an account": the lost attempt's account went with its transaction, and the retry made it again.
        Assert.True(invited.Succeeded, string.Join("; ", invited.Errors.SelectMany(e => e.Value)));
        await AssertOneInvitationAsync(database, host, invited.Value!, "nina@kas.example", "Nina Park", administrator: true);
    }

    private static async Task<ClaimsPrincipal> CreateAdministratorAsync(TestDatabase database, CoreTestHost host)
    {
        await using (var scope = host.Scope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Administrator))).Succeeded);
        }

        await using var db = await database.Factory.CreateDbContextAsync();
        var (_, principal) = await TestUsers.CreateStaffAsync(db, "admin@eventhub.example", null, administrator: true);
        return principal;
    }

    private static async Task<Outcome<string>> InviteAsync(CoreTestHost host, ClaimsPrincipal admin, string email, string name, bool makeAdministrator = false)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<InviteStaffMember>()
            .ExecuteAsync(admin, new StaffInvitationForm { Email = email, DisplayName = name, MakeAdministrator = makeAdministrator });
    }

    /// <summary>One account, in the role, one email whose set-password link works for that account, one audit entry.</summary>
    private static async Task AssertOneInvitationAsync(TestDatabase database, CoreTestHost host, string userId, string email, string name, bool administrator)
    {
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var user = Assert.Single(await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email.ToUpperInvariant()).ToListAsync());
            Assert.Equal((userId, name, true), (user.Id, user.DisplayName, user.EmailConfirmed));
            var mail = Assert.Single(await db.OutboundEmails.AsNoTracking().Where(m => m.ToAddress == email).ToListAsync());
            Assert.Equal($"staff-invitation:{userId}", mail.CorrelationKey);
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "staff.invited" && a.SubjectId == userId));

            var code = Regex.Match(mail.TextBody!, @"Account/ResetPassword\?code=([A-Za-z0-9_\-]+)").Groups[1].Value;
            Assert.NotEmpty(code);
            await using var scope = host.Scope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(userId))!;
            Assert.Equal(administrator, await users.IsInRoleAsync(account, Roles.Administrator));
            // The token in the email was made for the account as it was committed, not for a lost attempt's.
            var reset = await users.ResetPasswordAsync(account, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)), "Correct horse battery 9!");
            Assert.True(reset.Succeeded, string.Join("; ", reset.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped (and reported so) when EVENTHUB_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"Needs PostgreSQL: set {TestDatabase.PostgresVariable} (test.sh does).";
        }
    }
}

/// <summary>
/// The first time a command matching <c>at</c> is about to run, terminates the PostgreSQL server process behind its
/// connection (pg_terminate_backend from a second connection, waiting until it is gone), so that the command meets a
/// connection the server has dropped, as in a failover or a restart.
/// </summary>
internal sealed class TerminateBackendOnce(string connectionString, Func<string, bool> at) : DbCommandInterceptor
{
    private int matched;
    private int terminated;

    public int Matched => Volatile.Read(ref matched);
    public int Terminated => Volatile.Read(ref terminated);

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await MaybeTerminateAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await MaybeTerminateAsync(command, cancellationToken);
        return result;
    }

    private async Task MaybeTerminateAsync(DbCommand command, CancellationToken ct)
    {
        if (!at(command.CommandText))
        {
            return;
        }

        Interlocked.Increment(ref matched);
        if (Interlocked.CompareExchange(ref terminated, 1, 0) != 0)
        {
            return;
        }

        var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
        // Pooling off: the admin connection must not be the very one being terminated.
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct);
        await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 10000)", admin);
        kill.Parameters.AddWithValue("pid", pid);
        Assert.Equal(true, await kill.ExecuteScalarAsync(ct));
    }
}

using System.Data.Common;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Features.Invitations;
using EventHub.Core.Features.Privacy;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Tests.Invitations;
using EventHub.Core.Tests.Vetting;
using EventHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// Writes that belong together commit together (a change and its audit or history entry), and a unit of work whose commit
/// went through but whose acknowledgement was lost reports success when its retry finds its own work.
/// </summary>
public sealed class UnitOfWorkTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_approval_whose_commit_acknowledgement_was_lost_is_reported_as_made_on_the_retry(DatabaseProvider provider)
    {
        var lostAck = new LoseCommitAcknowledgement();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, services: s => s.ConfigureDbContext<EventHubDbContext>(
            o => o.AddInterceptors(lostAck).ReplaceService<IExecutionStrategyFactory, RetryOnTimeoutStrategyFactory>(), ServiceLifetime.Singleton));
        var s = await VettingScenario.CreateAsync(database, host);
        var ada = await s.AddRegistrationAsync("Ada Novak", "ada@think.example", "Central Asia Institute");

        lostAck.Armed = true;
        var outcome = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, ada.Id, new DecisionForm { Decision = VettingDecision.Approved }));

        Assert.Equal(1, lostAck.Lost);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.Equal(RegistrationStatus.Approved, outcome.Value!.Status);
        Assert.Equal("Ada Novak approved; the approval email with the access pass is in the outbox.", outcome.Value.Message);
        var stored = await s.RegistrationAsync(ada.Id);
        Assert.Equal(RegistrationStatus.Approved, stored.Status);
        Assert.Single(stored.Approvals);
        Assert.Equal(1, (await s.EventAsync()).ApprovedCount);
        Assert.Single(await s.EmailsWithKeyAsync($"registration:{ada.Id}:approved"));

        // A decision asked again later is still refused as no longer applying: only the lost attempt's own work counts.
        var again = await s.InScopeAsync(sp => sp.GetRequiredService<DecideRegistration>().ExecuteAsync(s.Organiser, ada.Id, new DecisionForm { Decision = VettingDecision.Approved }));
        Assert.Equal(OutcomeStatus.Invalid, again.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_retention_change_whose_audit_entry_cannot_be_written_changes_nothing(DatabaseProvider provider)
    {
        var failing = new FailSavingWhenAdded<AuditEntry>();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, services: s => s.ConfigureDbContext<EventHubDbContext>(o => o.AddInterceptors(failing), ServiceLifetime.Singleton));
        var s = await VettingScenario.CreateAsync(database, host);

        failing.Armed = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => s.InScopeAsync(sp => sp.GetRequiredService<SaveRetentionPolicy>()
            .ExecuteAsync(s.Organiser, s.EventId, new RetentionPolicyForm { SecurityDataDays = 0, PersonalDataMonths = 3 })));

        var e = await s.EventAsync();
        Assert.Equal((null, null), (e.SecurityDataRetentionDays, e.PersonalDataRetentionMonths));

        failing.Armed = false;
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<SaveRetentionPolicy>()
            .ExecuteAsync(s.Organiser, s.EventId, new RetentionPolicyForm { SecurityDataDays = 0, PersonalDataMonths = 3 }))).Succeeded);
        e = await s.EventAsync();
        Assert.Equal((0, 3), (e.SecurityDataRetentionDays, e.PersonalDataRetentionMonths));
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == "retention.policy-changed").ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bounce_whose_history_entry_cannot_be_written_leaves_the_invitation_as_it_was(DatabaseProvider provider)
    {
        var failing = new FailSavingWhenAdded<InvitationHistoryEntry>();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = CoreTestHost.Create(database, services: s => s.ConfigureDbContext<EventHubDbContext>(o => o.AddInterceptors(failing), ServiceLifetime.Singleton));
        var s = await InvitationScenario.CreateAsync(database, host, new DateTime(2026, 12, 9, 10, 0, 0));
        var gone = await s.AddContactAsync("Gone Away", "gone@think.example");
        Assert.True((await s.InScopeAsync(sp => sp.GetRequiredService<InviteExperts>().ExecuteAsync(s.Organiser, s.EventId, new InviteForm { ContactIds = [gone.Id] }))).Succeeded);
        var email = (await s.EmailsAsync()).Single(e => e.ToAddress == "gone@think.example");
        var handler = host.Services.GetServices<IOutboundEmailFailureHandler>().OfType<InvitationBounceHandler>().Single();

        var factory = host.Services.GetRequiredService<IDbContextFactory<EventHubDbContext>>();
        failing.Armed = true;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => handler.HandleAsync(db, email, "550 5.1.1 User unknown", CancellationToken.None));
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var invitation = await db.Invitations.Include(i => i.History).SingleAsync();
            Assert.Equal(InvitationStatus.Sent, invitation.Status);
            Assert.DoesNotContain(invitation.History, h => h.Action == "bounced");
        }

        failing.Armed = false;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await handler.HandleAsync(db, email, "550 5.1.1 User unknown", CancellationToken.None);
        }

        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var invitation = await db.Invitations.Include(i => i.History).SingleAsync();
            Assert.Equal(InvitationStatus.Bounced, invitation.Status);
            Assert.Single(invitation.History, h => h.Action == "bounced");
        }
    }

    /// <summary>The commit reaches the database, then the client hears nothing back (once): what a dropped connection at that moment looks like.</summary>
    private sealed class LoseCommitAcknowledgement : DbTransactionInterceptor
    {
        public volatile bool Armed;
        public int Lost;

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                Armed = false;
                Lost++;
                throw new TimeoutException("The commit's acknowledgement was lost.");
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A retrying strategy on every provider (SQLite has none), retrying what a lost acknowledgement looks like.</summary>
    private sealed class RetryOnTimeoutStrategyFactory(ExecutionStrategyDependencies dependencies) : IExecutionStrategyFactory
    {
        public IExecutionStrategy Create() => new RetryOnTimeoutStrategy(dependencies);
    }

    private sealed class RetryOnTimeoutStrategy(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 3, TimeSpan.FromMilliseconds(50))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is TimeoutException;
    }

    /// <summary>Refuses a save that adds a <typeparamref name="T"/>, as a full disk or a broken constraint would.</summary>
    private sealed class FailSavingWhenAdded<T> : SaveChangesInterceptor where T : class
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException($"Writing the {typeof(T).Name} failed.");
            }

            return ValueTask.FromResult(result);
        }
    }
}

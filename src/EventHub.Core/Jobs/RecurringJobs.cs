using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Jobs;

/// <summary>The one place where recurring jobs are registered. Recurring id = the job's class name.</summary>
public sealed class RecurringJobs(IRecurringJobManager manager, IOptions<JobsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        manager.AddOrUpdate<DispatchOutbox>(nameof(DispatchOutbox), j => j.ExecuteAsync(CancellationToken.None), options.Value.DispatchOutboxCron);
        manager.AddOrUpdate<QueueDueReminders>(nameof(QueueDueReminders), j => j.ExecuteAsync(CancellationToken.None), options.Value.QueueDueRemindersCron);
        manager.AddOrUpdate<ExpireWaitlistOffers>(nameof(ExpireWaitlistOffers), j => j.ExecuteAsync(CancellationToken.None), options.Value.ExpireWaitlistOffersCron);
        manager.AddOrUpdate<SealAuditLog>(nameof(SealAuditLog), j => j.ExecuteAsync(CancellationToken.None), options.Value.SealAuditLogCron);
        manager.AddOrUpdate<ApplyRetention>(nameof(ApplyRetention), j => j.ExecuteAsync(CancellationToken.None), options.Value.ApplyRetentionCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

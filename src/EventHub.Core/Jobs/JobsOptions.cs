using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this process runs a Hangfire server (workers). Every node can; the database keeps each job to one.</summary>
    public bool RunServer { get; init; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; init; } = 2;

    /// <summary>Cron schedule of the outbox sweep (DispatchOutbox). Sends are also triggered right after each commit.</summary>
    [Required]
    public string DispatchOutboxCron { get; init; } = "* * * * *";

    /// <summary>Cron schedule of QueueDueReminders, which turns due reminder rules into outbox rows.</summary>
    [Required]
    public string QueueDueRemindersCron { get; init; } = "*/5 * * * *";

    /// <summary>Cron schedule of ExpireWaitlistOffers, which closes offers of freed places not taken up in time and offers them to the next.</summary>
    [Required]
    public string ExpireWaitlistOffersCron { get; init; } = "*/5 * * * *";

    /// <summary>Cron schedule of SealAuditLog, which chains new audit entries into the hash chain.</summary>
    [Required]
    public string SealAuditLogCron { get; init; } = "* * * * *";

    /// <summary>Cron schedule of ApplyRetention, which erases and anonymises personal data when each event's retention dates pass.</summary>
    [Required]
    public string ApplyRetentionCron { get; init; } = "17 * * * *";
}

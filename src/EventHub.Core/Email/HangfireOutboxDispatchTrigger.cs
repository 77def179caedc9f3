using EventHub.Core.Data;
using EventHub.Core.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EventHub.Core.Email;

public sealed class HangfireOutboxDispatchTrigger(IBackgroundJobClient jobs, ILogger<HangfireOutboxDispatchTrigger> logger) : IOutboxDispatchTrigger
{
    public void Trigger()
    {
        try
        {
            jobs.Enqueue<DispatchOutbox>(j => j.ExecuteAsync(CancellationToken.None));
        }
        catch (Exception ex) when (ex is InvalidOperationException or BackgroundJobClientException)
        {
            // The recurring sweep will send it within a minute.
            logger.LogWarning(ex, "Could not enqueue an outbox dispatch");
        }
    }
}

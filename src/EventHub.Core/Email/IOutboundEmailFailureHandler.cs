using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>Told when an email fails for good, so the feature that sent it can say so (an invitation becomes Bounced).</summary>
public interface IOutboundEmailFailureHandler
{
    Task HandleAsync(EventHubDbContext db, OutboundEmail email, string reason, CancellationToken ct);
}

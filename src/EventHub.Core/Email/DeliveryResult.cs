namespace EventHub.Core.Email;

public readonly record struct DeliveryResult(DeliveryOutcome Outcome, string? ServerReply = null, bool ConnectionLost = false)
{
    public static DeliveryResult Delivered { get; } = new(DeliveryOutcome.Delivered);
}

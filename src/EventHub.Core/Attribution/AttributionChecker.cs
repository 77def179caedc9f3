namespace EventHub.Core.Attribution;

/// <summary>The non-attribution check: a pure function from a draft and the event's people to findings.</summary>
public static class AttributionChecker
{
    public static IReadOnlyList<AttributionFinding> Check(string draft, AttributionContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        throw new NotImplementedException("The non-attribution check is being written.");
    }
}

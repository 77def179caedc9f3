using EventHub.Core.Attribution;

namespace EventHub.Core.Features.Reports;

/// <summary>What the editor and circulation share: a finding is open unless its key was dismissed.</summary>
public static class AttributionReview
{
    public static IReadOnlyList<AttributionFinding> Open(IEnumerable<AttributionFinding> findings, IEnumerable<string> dismissedKeys)
    {
        var dismissed = dismissedKeys.ToHashSet(StringComparer.Ordinal);
        return findings.Where(f => !dismissed.Contains(f.Key)).OrderBy(f => f.Start).ToList();
    }
}

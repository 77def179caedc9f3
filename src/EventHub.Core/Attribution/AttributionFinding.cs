using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>One finding: where (<see cref="Start"/>, <see cref="Length"/> in the draft), what it points to, why, and a neutral wording.</summary>
/// <remarks><see cref="Why"/> is the English sentence; <see cref="Explanation"/> the same as a resource key and values, for screens in other languages.</remarks>
public sealed record AttributionFinding(
    FindingKind Kind,
    int Start,
    int Length,
    string Text,
    string PointsTo,
    string Why,
    string Suggestion,
    int? Fits = null,
    int? Population = null,
    FindingExplanation? Explanation = null)
{
    /// <summary>"fits 1 of 39 people": how many of the event's people the text could point to.</summary>
    public string AnonymitySet => Fits is { } n ? (Population is { } m ? $"fits {n} of {m} {(m == 1 ? "person" : "people")}" : $"fits {n} {(n == 1 ? "person" : "people")}") : "";

    /// <summary>Stable across edits elsewhere in the draft: used to remember a dismissal.</summary>
    public string Key => $"{Kind}|{Text.Trim().ToLowerInvariant()}|{PointsTo}";
}

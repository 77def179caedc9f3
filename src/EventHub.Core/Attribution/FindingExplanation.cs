using System.Globalization;
using System.Resources;
using EventHub.Core.Localization;

namespace EventHub.Core.Attribution;

/// <summary>
/// Why a finding matters, as a staff-text resource key and its values (names, counts): a screen renders it in the reader's
/// language; <see cref="English"/> is the sentence the check reports in its own output (the check reads English drafts).
/// </summary>
public sealed record FindingExplanation(string Key, params object[] Arguments)
{
    private static readonly ResourceManager Resources = new(typeof(StaffText).FullName!, typeof(StaffText).Assembly);

    /// <summary>The explanation in English, as the command line and the tests read it.</summary>
    public string English => string.Format(CultureInfo.InvariantCulture, Resources.GetString(Key, CultureInfo.InvariantCulture) ?? Key, Arguments);
}

using EventHub.Core.Data;
using Microsoft.Extensions.Localization;

namespace EventHub.Core.Localization;

/// <summary>
/// The one place that names the values of the model's enums in plain words ("EU institution", "Waiting list"), in every
/// language (PlainWords.resx, .fr, .de; key "Type.Value"). No screen shows an enum's code name.
/// </summary>
public sealed class PlainWords
{
    /// <summary>The enums people see; a test checks that each of their values has a plain word in every language.</summary>
    public static IReadOnlyList<Type> Shown { get; } =
    [
        typeof(Sector), typeof(RegistrationStatus), typeof(InvitationStatus), typeof(ConfidentialityLevel),
        typeof(RegistrationSource), typeof(EventRole), typeof(ConsentStatus), typeof(ConsentScope), typeof(OutboundEmailStatus),
        typeof(ReportStatus), typeof(ReviewDecision), typeof(VettingDecision), typeof(CheckInKind), typeof(EventStatus),
        typeof(CirculationAudience), typeof(QuestionKind), typeof(ReminderKind), typeof(ReminderAudience),
        typeof(Features.Door.DoorVerdict), typeof(Attribution.FindingKind),
    ];

    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => typeof(TEnum).Name + "." + value;

    public static string Key(Enum value) => value.GetType().Name + "." + value;
}

public static class PlainWordsExtensions
{
    /// <summary><c>Words.Of(Sector.Nato)</c> → "NATO" in the localizer's language.</summary>
    public static string Of<TEnum>(this IStringLocalizer<PlainWords> words, TEnum value) where TEnum : struct, Enum => words[PlainWords.Key(value)];
}

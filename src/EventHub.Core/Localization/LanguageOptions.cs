namespace EventHub.Core.Localization;

public sealed class LanguageOptions
{
    public const string SectionName = "Languages";

    /// <summary>
    /// Shows every translated text through the pseudo-locale ("⟦Ŧĥé ţéxţ⟧"), whatever the person's language: for tests
    /// and for checking that a screen has no untranslated text. Never on in production.
    /// </summary>
    public bool Pseudo { get; init; }
}

namespace EventHub.Core.Common;

public sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>
    /// The address people use to reach EventHub. Every link in every email starts with it, never with the Host header of the
    /// request that caused the email (a forged Host would otherwise put an attacker's address into a password-reset link).
    /// Required outside Development; in Development, when unset, links follow the address the app listens on.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The installation's name, shown in page titles and emails.</summary>
    public string Name { get; init; } = "EventHub";
}

using System.Security.Claims;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Reports;

/// <summary>What may be done to a report in which state, shared by the report's use cases.</summary>
public static class ReportRules
{
    public const int MaxMarkdownLength = 500_000;

    /// <summary>
    /// The text can change until the report is circulated. A change to a report in review or approved sends it back to Draft
    /// (<see cref="ReportWorkflow.ReturnToDraftOnEditAsync"/>): reviewers approved other words.
    /// </summary>
    public static bool IsEditable(ReportStatus status) => !ReportWorkflow.IsLocked(status);

    public static string NotEditableMessage(ReportStatus status) => status switch
    {
        ReportStatus.Circulated => "The report has been circulated: its text can no longer change.",
        _ => "The report cannot be changed now.",
    };

    internal static string? UserId(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier);
}

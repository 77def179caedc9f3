using System.Security.Claims;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Reports;

/// <summary>What may be done to a report in which state, shared by the report's use cases.</summary>
public static class ReportRules
{
    public const int MaxMarkdownLength = 500_000;

    /// <summary>The text can change while it is a draft or after reviewers asked for changes; in review, approved or circulated it is fixed.</summary>
    public static bool IsEditable(ReportStatus status) => status is ReportStatus.Draft or ReportStatus.ChangesRequested;

    public static string NotEditableMessage(ReportStatus status) => status switch
    {
        ReportStatus.InReview => "The report is in review: its text cannot change until a reviewer asks for changes or the review is withdrawn.",
        ReportStatus.Approved => "The report is approved: its text can no longer change.",
        ReportStatus.Circulated => "The report has been circulated: its text can no longer change.",
        _ => "The report cannot be changed now.",
    };

    internal static string? UserId(ClaimsPrincipal actor) => actor.FindFirstValue(ClaimTypes.NameIdentifier);
}

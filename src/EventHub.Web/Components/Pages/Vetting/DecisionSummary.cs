using EventHub.Core.Data;
using EventHub.Core.Features.Vetting;
using EventHub.Core.Localization;
using Microsoft.Extensions.Localization;

namespace EventHub.Web.Components.Pages.Vetting;

/// <summary>
/// What a decision on several registrations did, in the staff member's language: "2 registrations approved; 1 approved for
/// your group — nothing is sent to them until Host office approves; 2 emails queued (see the outbox); 1 not: …".
/// </summary>
public static class DecisionSummary
{
    /// <summary>The status a decision stands for, whose plain word ("Approved") names the decision once taken.</summary>
    public static RegistrationStatus AsStatus(VettingDecision decision) => decision switch
    {
        VettingDecision.Approved => RegistrationStatus.Approved,
        VettingDecision.Rejected => RegistrationStatus.Rejected,
        _ => RegistrationStatus.Waitlisted,
    };

    public static string Of(BulkDecisionResult result, VettingDecision decision, IStringLocalizer<StaffText> s, Translations translations)
    {
        var waiting = result.WaitingForOtherGroups;
        var done = result.Decided - waiting;
        var parts = new List<string>();
        if (done > 0 || waiting == 0)
        {
            parts.Add(s[$"Vetting.Result.{decision}.{(done == 1 ? "One" : "Many")}", done]);
        }

        if (waiting > 0)
        {
            var awaited = result.AwaitedGroups switch
            {
                { Count: 1 } one => s["Vetting.Result.GroupApproves", one[0]].Value,
                { Count: > 1 } groups => s["Vetting.Result.GroupsApprove", string.Join(s["Vetting.Result.And"], groups)].Value,
                _ => s["Vetting.Result.OthersApprove"].Value,
            };
            parts.Add(s[waiting == 1 ? "Vetting.Result.ForYourGroup.One" : "Vetting.Result.ForYourGroup.Many", waiting, awaited]);
        }

        parts.Add(result.EmailsQueued switch
        {
            0 => s["Vetting.Result.NoEmail"],
            1 => s["Vetting.Result.Emails.One", 1],
            var n => s["Vetting.Result.Emails.Many", n],
        });
        var text = string.Join("; ", parts);
        text = char.ToUpper(text[0], translations.Culture(Languages.CodeOf(System.Globalization.CultureInfo.CurrentUICulture))) + text[1..];
        return result.Refused.Count == 0
            ? text + "."
            : text + "; " + s["Vetting.Result.NotDecided", result.Refused.Count, string.Join(" ", result.Refused.Select(translations.Message))];
    }
}

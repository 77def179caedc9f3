using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Vetting;

public sealed record BulkDecisionResult(int Decided, int WaitingForOtherGroups, IReadOnlyList<string> Refused, int EmailsQueued = 0, IReadOnlyList<string>? AwaitedGroups = null)
{
    /// <summary>
    /// What happened and what was sent, in words: "2 registrations approved; 1 approved for your group — nothing is sent to
    /// them until Host office approves; 2 emails queued (see the outbox); 1 not: Capacity reached …".
    /// </summary>
    public string Summary(VettingDecision decision)
    {
        var done = Decided - WaitingForOtherGroups;
        var parts = new List<string>();
        if (done > 0 || WaitingForOtherGroups == 0)
        {
            parts.Add($"{Registrations(done)} {Verb(decision)}");
        }

        if (WaitingForOtherGroups > 0)
        {
            var awaited = AwaitedGroups is { Count: > 0 } groups ? string.Join(" and ", groups) : "the other groups";
            parts.Add($"{Registrations(WaitingForOtherGroups)} approved for your group — nothing is sent to {(WaitingForOtherGroups == 1 ? "the person" : "them")} until {awaited} {(AwaitedGroups is { Count: 1 } ? "approves" : "approve")}");
        }

        parts.Add(EmailsQueued switch
        {
            0 => "no email sent",
            1 => "1 email queued (see the outbox)",
            _ => $"{EmailsQueued} emails queued (see the outbox)",
        });
        var text = char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..];
        return text + (Refused.Count == 0 ? "." : $"; {Refused.Count} not: {string.Join(" ", Refused)}");
    }

    private static string Registrations(int n) => n == 1 ? "1 registration" : $"{n} registrations";

    private static string Verb(VettingDecision decision) => decision switch
    {
        VettingDecision.Approved => "approved",
        VettingDecision.Rejected => "rejected",
        _ => "waitlisted",
    };
}

/// <summary>The same decision on several registrations, one after the other, each in its own transaction: one refused (e.g. capacity) does not undo the others.</summary>
public sealed class DecideRegistrations(DecideRegistration decide)
{
    public async Task<Outcome<BulkDecisionResult>> ExecuteAsync(ClaimsPrincipal actor, IReadOnlyCollection<Guid> registrationIds, DecisionForm form, CancellationToken ct = default)
    {
        if (registrationIds.Count == 0)
        {
            return Outcome<BulkDecisionResult>.Invalid("", "Choose at least one registration.");
        }

        if (RequestValidation.Validate(form) is { } errors)
        {
            return Outcome<BulkDecisionResult>.Invalid(errors);
        }

        int decided = 0, waiting = 0, emailed = 0;
        var refused = new List<string>();
        var awaited = new List<string>();
        foreach (var id in registrationIds.Distinct())
        {
            var outcome = await decide.ExecuteAsync(actor, id, form, ct);
            if (outcome.Status == OutcomeStatus.Forbidden)
            {
                return Outcome<BulkDecisionResult>.Forbidden();
            }

            if (outcome.Succeeded)
            {
                decided++;
                emailed += outcome.Value!.EmailQueued ? 1 : 0;
                if (form.Decision == VettingDecision.Approved && outcome.Value.Status != RegistrationStatus.Approved)
                {
                    waiting++;
                    awaited.AddRange((outcome.Value.Awaiting ?? []).Except(awaited));
                }
            }
            else
            {
                refused.AddRange(outcome.Errors.SelectMany(e => e.Value).DefaultIfEmpty("Not found."));
            }
        }

        return Outcome<BulkDecisionResult>.Success(new BulkDecisionResult(decided, waiting, refused, emailed, awaited));
    }
}

using System.Security.Claims;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Vetting;

public sealed record BulkDecisionResult(int Decided, IReadOnlyList<string> Refused)
{
    public string Summary(VettingDecision decision) => $"{Decided} registration{(Decided == 1 ? "" : "s")} {Verb(decision)}"
        + (Refused.Count == 0 ? "." : $"; {Refused.Count} not: {string.Join(" ", Refused)}");

    private static string Verb(VettingDecision decision) => decision switch
    {
        VettingDecision.Approved => "approved (or approved for your group)",
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

        var decided = 0;
        var refused = new List<string>();
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
            }
            else
            {
                refused.AddRange(outcome.Errors.SelectMany(e => e.Value).DefaultIfEmpty("Not found."));
            }
        }

        return Outcome<BulkDecisionResult>.Success(new BulkDecisionResult(decided, refused));
    }
}

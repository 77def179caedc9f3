using EventHub.Core.Common;

namespace EventHub.Web.Endpoints;

/// <summary>The one place a use case's <see cref="Outcome{T}"/> becomes an HTTP answer.</summary>
public static class OutcomeResults
{
    /// <summary>
    /// Success: what <paramref name="success"/> makes of the value. Invalid: 400 with the errors by field. Not found: 404.
    /// Forbidden: 403 (not a challenge: a personal link has no login to go to, and staff see the not-found page). Conflict: 409.
    /// </summary>
    public static IResult ToHttpResult<T>(this Outcome<T> outcome, Func<T, IResult> success) => outcome.Status switch
    {
        OutcomeStatus.Succeeded => success(outcome.Value!),
        OutcomeStatus.Invalid => Results.ValidationProblem(outcome.Errors.ToDictionary()),
        OutcomeStatus.NotFound => Results.NotFound(),
        OutcomeStatus.Conflict => Results.Conflict(),
        _ => Results.StatusCode(StatusCodes.Status403Forbidden),
    };

    /// <summary>As <see cref="ToHttpResult{T}"/>, for an answer that needs more work once the use case said yes.</summary>
    public static async Task<IResult> ToHttpResultAsync<T>(this Outcome<T> outcome, Func<T, Task<IResult>> success)
        => outcome.Succeeded ? await success(outcome.Value!) : outcome.ToHttpResult(_ => Results.Empty);
}

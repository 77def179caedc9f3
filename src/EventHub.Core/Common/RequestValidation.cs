using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Common;

public static class RequestValidation
{
    /// <summary>Runs the request's data annotations and its <see cref="IValidatableObject"/> rules; null when valid.</summary>
    public static IReadOnlyDictionary<string, string[]>? Validate(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Message).Distinct().ToArray());
    }
}

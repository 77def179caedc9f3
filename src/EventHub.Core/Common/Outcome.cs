namespace EventHub.Core.Common;

/// <summary>What a use case answers: success, or why not, with errors keyed by the field that caused them.</summary>
public class Outcome
{
    protected Outcome(OutcomeStatus status, IReadOnlyDictionary<string, string[]>? errors)
    {
        Status = status;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public OutcomeStatus Status { get; }
    public bool Succeeded => Status == OutcomeStatus.Succeeded;

    /// <summary>Field name (the request's property, or "" for the whole form) to messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static Outcome Success() => new(OutcomeStatus.Succeeded, null);
    public static Outcome Forbidden() => new(OutcomeStatus.Forbidden, null);
    public static Outcome NotFound() => new(OutcomeStatus.NotFound, null);
    public static Outcome Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, errors);
    public static Outcome Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static Outcome Conflict(string message) => new(OutcomeStatus.Conflict, new Dictionary<string, string[]> { [""] = [message] });
}

public sealed class Outcome<T> : Outcome
{
    private Outcome(OutcomeStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors) : base(status, errors) => Value = value;

    public T? Value { get; }

    public static Outcome<T> Success(T value) => new(OutcomeStatus.Succeeded, value, null);
    public static new Outcome<T> Forbidden() => new(OutcomeStatus.Forbidden, default, null);
    public static new Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default, null);
    public static new Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OutcomeStatus.Invalid, default, errors);
    public static new Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
    public static new Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, default, new Dictionary<string, string[]> { [""] = [message] });

    /// <summary>A conflict that carries what the caller needs to resolve it (e.g. both texts of a report).</summary>
    public static Outcome<T> Conflict(string message, T value) => new(OutcomeStatus.Conflict, value, new Dictionary<string, string[]> { [""] = [message] });
}

namespace EventHub.Core.Email;

public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Try again later: an SMTP 4xx answer, or the relay could not be reached.</summary>
    TemporaryFailure,

    /// <summary>Do not try again: an SMTP 5xx answer.</summary>
    PermanentFailure,
}

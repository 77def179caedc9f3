using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Common;

/// <summary>
/// An address <see cref="EmailAddresses.IsValid"/> accepts (leading and trailing spaces aside, which the use cases trim).
/// Empty passes: <see cref="RequiredAttribute"/> says when it is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class DeliverableEmailAttribute() : ValidationAttribute("Enter a valid email address, e.g. name@example.org.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text) || EmailAddresses.IsValid(text.Trim()),
        _ => false,
    };
}
